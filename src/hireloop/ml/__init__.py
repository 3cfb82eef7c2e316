"""Closed-loop analytics and models: hire quality, validity, weights, leavers, prediction, bias audit.

Pure library: pandas/numpy in, frozen dataclasses or scikit-learn style estimators out; no database.

Entry points (each module's docstring says more):
- synth.simulate_history(SynthParams) -> SynthHistory: applicants, hires, monthly, with the truth kept
- quality.hire_quality / hire_quality_by: outcomes by interview-score band, zh/en sentence
- validity.validity_table / incremental_validity; weights.propose_weights; profile.high_performer_profile
- leavers.compare_leavers / propose_rules / evaluate_rule
- training.train_attrition / train_performance / train_attrition_from_employee_table -> TrainedModel
- risk.score_employees / at_risk; registry.ModelRegistry; ibm.normalize_ibm_export
- bias.selection_audit / scoring_audit (NYC LL144); report.to_records / to_csv for any result
- job_report.analyse_job: all of the analyses of one job in one call (thin data gives notes)
"""
