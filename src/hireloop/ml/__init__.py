"""Closed-loop analytics and models: hire quality, validity, weights, leavers, prediction, bias audit.

Pure library: pandas/numpy in, frozen dataclasses or scikit-learn style estimators out; no database.
"""
