"""Write the zh_CN catalog from var/messages.pot plus the translations below (run by hand when strings change)."""

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po
from pathlib import Path

ZH = {
    "Applied": "已投递", "Screened": "已筛选", "Invited": "已邀请", "Interviewed": "已面试", "Reviewed": "已评审",
    "Offer": "录用意向", "Hired": "已入职", "Rejected": "未通过", "Withdrawn": "已撤回",
    "Administrator": "管理员", "Recruiter": "招聘专员", "Hiring manager": "用人经理", "HR analyst": "人力分析师",
    "Queued": "排队中", "Running": "运行中", "Done": "已完成", "Failed": "失败",
    "Jobs": "职位", "Candidates": "候选人", "Background work": "后台任务", "Log out": "退出登录",
    "Pipeline board": "招聘看板", "Candidate": "候选人", "Move to": "移动到", "Reason": "原因", "Move": "移动",
    "Email": "邮箱", "Phone": "电话", "Location": "地点", "Source": "来源", "Years of experience": "工作年限",
    "Education": "学历", "Applications": "申请", "No applications yet.": "暂无申请。", "Search name or email": "搜索姓名或邮箱",
    "Search": "搜索", "Name": "姓名", "Added": "添加日期", "No candidates found.": "没有找到候选人。", "Next page": "下一页",
    "New candidate": "新建候选人", "Create": "创建", "Go back": "返回", "Description": "职位描述",
    "Competency model": "胜任力模型", "weight": "权重", "No competencies defined yet.": "尚未定义胜任力。",
    "Pipeline": "招聘漏斗", "Job": "职位", "Department": "部门", "Status": "状态", "No jobs yet.": "暂无职位。",
    "New job": "新建职位", "Title": "职位名称", "Country": "国家", "City": "城市", "Log in": "登录",
    "Log in to HireLoop": "登录 HireLoop", "Password": "密码", "Task": "任务", "Attempts": "尝试次数",
    "Created": "创建时间", "Finished": "完成时间", "Last error": "最近错误", "No background work yet.": "暂无后台任务。",
    "Mail outbox": "邮件发件箱", "To": "收件人", "Subject": "主题", "Sent": "发送时间",
    # Messages of errors a user can cause on a page
    "Email or password is wrong.": "邮箱或密码错误。",
    "Too many failed attempts; this account is locked for 15 minutes. Try again later.": "失败次数过多，账号已锁定15分钟，请稍后再试。",
    "The form expired; reload the login page and try again.": "表单已过期，请刷新登录页后重试。",
    "The form expired or did not come from HireLoop; reload the page and try again.": "表单已过期或来源无效，请刷新页面后重试。",
    "Nothing is here. Check the address; the API lives under /api/v1 (docs at /api/docs).": "页面不存在，请检查地址。",
}

pot = read_po(open("var/messages.pot", "rb"))
cat = Catalog(locale="zh_CN", project="HireLoop")
ids = [m.id for m in pot if m.id] + [k for k in ZH if k not in {m.id for m in pot}]
missing = [i for i in ids if i not in ZH]
if missing:
    raise SystemExit(f"untranslated: {missing}")
for msgid in ids:
    cat.add(msgid, ZH[msgid])
out = Path("src/hireloop/locales/zh_CN/LC_MESSAGES/messages.po")
out.parent.mkdir(parents=True, exist_ok=True)
with out.open("wb") as fh:
    write_po(fh, cat, width=120)
print(f"wrote {len(ids)} messages to {out}")
