"""Target fields of each record kind: their value type, whether they are required, and header synonyms."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class RecordKind(StrEnum):
    """What one row of a source file describes."""

    EMPLOYEE = "employee"
    PERFORMANCE_REVIEW = "performance_review"
    EMPLOYMENT_CHANGE = "employment_change"
    EXIT = "exit"


@dataclass(frozen=True)
class FieldSpec:
    """One target field: its coercion type, whether rows need it, and header names that suggest it."""

    name: str
    type: str
    required: bool = False
    synonyms: tuple[str, ...] = ()


_EMPLOYEE_ID = ("employee id", "employee no", "employee number", "emp id", "emp no", "staff id", "staff no",
                "employee code", "员工编号", "员工号", "员工工号", "工号", "员工id", "人员编号", "职工编号")
_OWN_ID = ("id", "remote id", "record id", "external id", "编号", "记录编号", "单号")

FIELDS: dict[RecordKind, tuple[FieldSpec, ...]] = {
    RecordKind.EMPLOYEE: (
        FieldSpec("remote_id", "id", True, _EMPLOYEE_ID + ("id", "remote id", "external id")),
        FieldSpec("name", "text", False, ("name", "full name", "employee name", "姓名", "员工姓名", "名字")),
        FieldSpec("email", "email", False, ("email", "e-mail", "email address", "mail", "邮箱", "电子邮箱", "邮件")),
        FieldSpec("phone", "phone", False, ("phone", "mobile", "telephone", "phone number", "cell", "手机", "手机号",
                                            "手机号码", "电话", "联系电话")),
        FieldSpec("job_title", "text", False, ("job title", "title", "job role", "jobrole", "position", "role",
                                               "岗位", "职位", "岗位名称", "职务")),
        FieldSpec("department", "text", False, ("department", "dept", "team", "部门", "所属部门", "部门名称")),
        FieldSpec("location", "text", False, ("location", "city", "office", "work location", "城市", "工作地点",
                                              "所在城市", "区域")),
        FieldSpec("hire_date", "date", False, ("hire date", "start date", "date of joining", "joining date",
                                               "date hired", "onboard date", "入职日期", "入职时间", "到岗日期")),
        FieldSpec("manager_remote_id", "id", False, ("manager id", "manager employee id", "supervisor id",
                                                     "reports to", "上级工号", "直属上级工号", "经理工号", "汇报对象工号")),
        FieldSpec("monthly_pay", "number", False, ("monthly pay", "monthly income", "monthly salary", "salary",
                                                   "base salary", "月薪", "月工资", "月收入", "基本工资", "薪资")),
        FieldSpec("sex", "sex", False, ("sex", "gender", "性别")),
        FieldSpec("birth_date", "date", False, ("birth date", "date of birth", "dob", "birthday", "出生日期", "生日")),
        FieldSpec("age", "integer", False, ("age", "年龄")),
        FieldSpec("left", "bool", False, ("attrition", "left", "has left", "terminated", "是否离职", "离职")),
        FieldSpec("exit_date", "date", False, ("exit date", "termination date", "leave date", "last working day",
                                               "离职日期", "离职时间", "最后工作日")),
        FieldSpec("exit_type", "exit_type", False, ("exit type", "termination type", "termination reason type",
                                                    "离职类型", "离职性质")),
        FieldSpec("exit_reason", "exit_reason", False, ("exit reason", "termination reason", "reason for leaving",
                                                        "离职原因")),
    ),
    RecordKind.PERFORMANCE_REVIEW: (
        FieldSpec("remote_id", "id", False, ("review id", "appraisal id", "考核编号", "评估编号") + _OWN_ID),
        FieldSpec("employee_remote_id", "id", True, _EMPLOYEE_ID),
        FieldSpec("period", "period", True, ("period", "review period", "cycle", "quarter", "考核周期", "考核期间",
                                             "周期", "季度", "考核期")),
        FieldSpec("rating", "rating", False, ("rating", "score", "performance rating", "grade", "绩效等级",
                                              "绩效评分", "考核结果", "评级", "等级", "绩效得分", "考核得分")),
        FieldSpec("kpi_target", "number", False, ("kpi target", "target", "goal", "目标", "kpi目标", "目标值",
                                                  "销售目标")),
        FieldSpec("kpi_actual", "number", False, ("kpi actual", "actual", "result", "achieved", "实际", "实际值",
                                                  "kpi实际", "完成值", "实际完成", "实际销售额")),
        FieldSpec("attainment_pct", "percent", False, ("attainment", "attainment %", "achievement rate",
                                                       "completion rate", "达成率", "完成率", "kpi达成率")),
        FieldSpec("met_target", "bool", False, ("met target", "target met", "achieved target", "是否达标",
                                                "达标")),
        FieldSpec("reviewer", "text", False, ("reviewer", "appraiser", "评估人", "考核人")),
        FieldSpec("comment", "text", False, ("comment", "comments", "remarks", "notes", "评语", "备注")),
    ),
    RecordKind.EMPLOYMENT_CHANGE: (
        FieldSpec("remote_id", "id", False, ("change id", "异动编号") + _OWN_ID),
        FieldSpec("employee_remote_id", "id", True, _EMPLOYEE_ID),
        FieldSpec("kind", "change_kind", True, ("change type", "type", "kind", "action", "异动类型", "变动类型",
                                                "类型")),
        FieldSpec("effective_date", "date", True, ("effective date", "date", "生效日期", "异动日期", "变动日期")),
        FieldSpec("from_job_title", "text", False, ("from title", "old title", "previous title", "原岗位", "原职位")),
        FieldSpec("to_job_title", "text", False, ("to title", "new title", "new position", "新岗位", "新职位")),
        FieldSpec("from_department", "text", False, ("from department", "old department", "原部门")),
        FieldSpec("to_department", "text", False, ("to department", "new department", "新部门")),
        FieldSpec("new_monthly_pay", "number", False, ("new salary", "new monthly pay", "调整后月薪", "新月薪")),
        FieldSpec("note", "text", False, ("note", "notes", "comment", "remarks", "备注", "说明")),
    ),
    RecordKind.EXIT: (
        FieldSpec("remote_id", "id", False, ("exit id", "termination id", "离职编号") + _OWN_ID),
        FieldSpec("employee_remote_id", "id", True, _EMPLOYEE_ID),
        FieldSpec("exit_date", "date", True, ("exit date", "termination date", "leave date", "date",
                                              "last working day", "离职日期", "离职时间", "最后工作日")),
        FieldSpec("exit_type", "exit_type", False, ("exit type", "termination type", "type", "voluntary",
                                                    "离职类型", "离职性质")),
        FieldSpec("reason_category", "exit_reason", False, ("reason category", "reason", "exit reason",
                                                            "termination reason", "离职原因", "离职原因分类")),
        FieldSpec("reason_text", "text", False, ("reason text", "reason details", "details", "comment",
                                                 "comments", "离职原因说明", "详细原因", "备注", "说明")),
        FieldSpec("regretted", "bool", False, ("regretted", "regrettable", "regretted loss", "是否惋惜",
                                               "惋惜离职", "是否可惜")),
    ),
}


def field_spec(kind: RecordKind, name: str) -> FieldSpec | None:
    """The spec of one target field of a kind, or None when the kind has no such field."""
    return next((f for f in FIELDS[kind] if f.name == name), None)
