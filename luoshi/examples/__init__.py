"""Bundled examples (示例): an excerpt of a real report, and a plan built from it with sample
assignments and progress (:func:`luoshi.examples.sample_plan.build_sample_plan`)."""
