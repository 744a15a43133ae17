"""Initial tables: report, plan, target, task, unit, assignment, observation, audit event.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import luoshi.store.types

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("entity", sa.String(length=20), nullable=False),
        sa.Column("entity_id", sa.String(length=40), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("prev_hash", sa.String(length=64), nullable=True),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
        sa.UniqueConstraint("hash", name=op.f("uq_audit_event_hash")),
    )
    op.create_index(
        op.f("ix_audit_event_entity_entity_id"), "audit_event", ["entity", "entity_id"], unique=False
    )

    op.create_table(
        "report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("place", sa.String(length=100), nullable=True),
        sa.Column("level", sa.String(length=20), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("source", sa.String(length=1000), nullable=True),
        sa.Column("format", sa.String(length=10), nullable=False),
        sa.Column("encoding", sa.String(length=40), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report")),
        sa.UniqueConstraint("sha256", name=op.f("uq_report_sha256")),
    )
    op.create_table(
        "unit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("short_name", sa.String(length=50), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unit")),
        sa.UniqueConstraint("name", name=op.f("uq_unit_name")),
    )
    op.create_table(
        "plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("frequency", sa.String(length=10), nullable=False),
        sa.Column("deadline_day", sa.Integer(), nullable=False),
        sa.Column("rules", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["report_id"], ["report.id"], name=op.f("fk_plan_report_id_report")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan")),
        sa.UniqueConstraint("name", name=op.f("uq_plan_name")),
        sa.UniqueConstraint("report_id", name=op.f("uq_plan_report_id")),
    )
    op.create_table(
        "target",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("section", sa.Text(), nullable=False),
        sa.Column("indicator", sa.String(length=200), nullable=False),
        sa.Column("comparator", sa.String(length=10), nullable=False),
        sa.Column("value", luoshi.store.types.ExactDecimal(), nullable=False),
        sa.Column("value_max", luoshi.store.types.ExactDecimal(), nullable=True),
        sa.Column("unit", sa.String(length=40), nullable=False),
        sa.Column("modality", sa.String(length=10), nullable=False),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("indicator_id", sa.String(length=80), nullable=True),
        sa.Column("link_confidence", sa.Float(), nullable=True),
        sa.Column("track_kind", sa.String(length=10), nullable=False),
        sa.Column("direction", sa.String(length=10), nullable=False),
        sa.Column("link_source", sa.String(length=10), nullable=False),
        sa.Column("baseline", luoshi.store.types.ExactDecimal(), nullable=True),
        sa.Column("review", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], name=op.f("fk_target_plan_id_plan")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_target")),
        sa.UniqueConstraint("plan_id", "seq", name=op.f("uq_target_plan_id_seq")),
    )
    op.create_index(op.f("ix_target_plan_id"), "target", ["plan_id"], unique=False)

    op.create_table(
        "task",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("section", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("verb", sa.String(length=40), nullable=False),
        sa.Column("lead", sa.Text(), nullable=False),
        sa.Column("review", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], name=op.f("fk_task_plan_id_plan")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task")),
        sa.UniqueConstraint("plan_id", "seq", name=op.f("uq_task_plan_id_seq")),
    )
    op.create_index(op.f("ix_task_plan_id"), "task", ["plan_id"], unique=False)

    op.create_table(
        "assignment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=True),
        sa.Column("task_id", sa.Integer(), nullable=True),
        sa.Column("lead_unit_id", sa.Integer(), nullable=True),
        sa.Column("leader", sa.String(length=100), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.CheckConstraint("(target_id IS NULL) <> (task_id IS NULL)", name=op.f("ck_assignment_one_item")),
        sa.ForeignKeyConstraint(["lead_unit_id"], ["unit.id"], name=op.f("fk_assignment_lead_unit_id_unit")),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], name=op.f("fk_assignment_plan_id_plan")),
        sa.ForeignKeyConstraint(["target_id"], ["target.id"], name=op.f("fk_assignment_target_id_target")),
        sa.ForeignKeyConstraint(["task_id"], ["task.id"], name=op.f("fk_assignment_task_id_task")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignment")),
        sa.UniqueConstraint("target_id", name=op.f("uq_assignment_target_id")),
        sa.UniqueConstraint("task_id", name=op.f("uq_assignment_task_id")),
    )
    op.create_index(op.f("ix_assignment_lead_unit_id"), "assignment", ["lead_unit_id"], unique=False)
    op.create_index(op.f("ix_assignment_plan_id"), "assignment", ["plan_id"], unique=False)

    op.create_table(
        "observation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("value", luoshi.store.types.ExactDecimal(), nullable=False),
        sa.Column("unit", sa.String(length=40), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=12), nullable=False),
        sa.Column("reported_by", sa.String(length=100), nullable=False),
        sa.Column("reported_at", sa.DateTime(), nullable=False),
        sa.Column("supersedes_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["supersedes_id"], ["observation.id"], name=op.f("fk_observation_supersedes_id_observation")
        ),
        sa.ForeignKeyConstraint(["target_id"], ["target.id"], name=op.f("fk_observation_target_id_target")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_observation")),
        sa.UniqueConstraint("supersedes_id", name=op.f("uq_observation_supersedes_id")),
    )
    op.create_index(
        op.f("ix_observation_target_id_period"), "observation", ["target_id", "period"], unique=False
    )

    op.create_table(
        "assignment_unit",
        sa.Column("assignment_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assignment_id"],
            ["assignment.id"],
            name=op.f("fk_assignment_unit_assignment_id_assignment"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"], name=op.f("fk_assignment_unit_unit_id_unit")),
        sa.PrimaryKeyConstraint("assignment_id", "unit_id", name=op.f("pk_assignment_unit")),
    )
    op.create_index(op.f("ix_assignment_unit_unit_id"), "assignment_unit", ["unit_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_assignment_unit_unit_id"), table_name="assignment_unit")

    op.drop_table("assignment_unit")
    op.drop_index(op.f("ix_observation_target_id_period"), table_name="observation")

    op.drop_table("observation")
    op.drop_index(op.f("ix_assignment_plan_id"), table_name="assignment")
    op.drop_index(op.f("ix_assignment_lead_unit_id"), table_name="assignment")

    op.drop_table("assignment")
    op.drop_index(op.f("ix_task_plan_id"), table_name="task")

    op.drop_table("task")
    op.drop_index(op.f("ix_target_plan_id"), table_name="target")

    op.drop_table("target")
    op.drop_table("plan")
    op.drop_table("unit")
    op.drop_table("report")
    op.drop_index(op.f("ix_audit_event_entity_entity_id"), table_name="audit_event")

    op.drop_table("audit_event")
