"""luoshi (落实): turn a government work report (政府工作报告) into tracked commitments."""
