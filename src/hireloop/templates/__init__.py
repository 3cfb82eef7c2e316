"""Industry templates (jobs, competency models, question banks in Chinese and English) and their loader."""

from hireloop.templates.loader import (
    TemplateInvalid,
    TemplateNotFound,
    get_template,
    list_templates,
    load_template_file,
)
from hireloop.templates.model import (
    Anchor,
    Competency,
    JobTemplate,
    LocalList,
    LocalText,
    Question,
    Requirements,
)

__all__ = [
    "Anchor",
    "Competency",
    "JobTemplate",
    "LocalList",
    "LocalText",
    "Question",
    "Requirements",
    "TemplateInvalid",
    "TemplateNotFound",
    "get_template",
    "list_templates",
    "load_template_file",
]
