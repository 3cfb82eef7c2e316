"""The closed loop: hiring data joined to outcomes, the analyses and models built on it (hireloop.ml)."""
