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
    "Too many failed logins from your network; wait a few minutes and try again.": "您所在网络的登录失败次数过多，请几分钟后再试。",
    "The form expired or did not come from HireLoop; reload the page and try again.": "表单已过期或来源无效，请刷新页面后重试。",
    "Nothing is here. Check the address; the API lives under /api/v1 (docs at /api/docs).": "页面不存在，请检查地址。",
    "Industry template": "行业模板", "Blank job": "空白职位",
    "Ranked review": "排名评审", "Review and decide": "评审与决定",
    # Screening
    "Resume import": "简历导入", "Back to the ranked list": "返回排名列表", "Match": "匹配", "hard filters passed": "硬性条件全部通过",
    "hard filters not passed": "硬性条件未通过", "Hard filters": "硬性条件", "Criteria": "加权条件", "Criterion": "条件",
    "Points": "得分", "Evidence": "依据", "not found": "未找到", "failed": "失败", "duplicates": "重复", "File": "文件",
    "Message": "说明", "Why": "原因", "Resume screening": "简历筛选", "Edit requirements": "编辑筛选要求",
    "Resumes (PDF, DOCX, TXT, HTML, images or a zip)": "简历（PDF、DOCX、TXT、HTML、图片或 zip 压缩包）",
    "Upload and screen": "上传并筛选", "Recent imports": "最近导入", "Only those passing every hard filter": "只看通过全部硬性条件的",
    "Minimum score": "最低分", "Filter": "筛选", "Score": "得分", "Stage": "阶段",
    "No screened resumes yet: upload some above.": "还没有筛选过的简历，请在上方上传。", "Shortlist the selected": "将所选加入短名单",
    "Invite the selected to a video interview": "邀请所选参加视频面试", "Screening requirements": "筛选要求",
    "Minimum education": "最低学历", "Minimum years of experience": "最低工作年限", "Industry": "行业",
    "Years in that industry": "该行业年限", "Required skills (comma separated)": "必备技能（逗号分隔）", "Locations": "工作地点",
    "Languages (codes such as zh, en)": "语言（代码，如 zh、en）", "Weighted criteria": "加权条件", "Preferred skills": "优先技能",
    "Keywords (phrase=synonym=synonym, comma separated)": "关键词（短语=同义词=同义词，逗号分隔）", "Save and rescore": "保存并重新评分",
    # Interviews in the console
    "Invite the selected candidates to a video interview": "邀请所选候选人参加视频面试", "Interviews": "面试",
    "Select for invitation": "选中以邀请", "Interview": "面试", "Policy": "合规政策", "Expires": "截止",
    "Resend invitation": "重新发送邀请", "Days": "天数", "Extend": "延期", "Cancel invitation": "取消邀请",
    "Not answered yet.": "尚未回答。", "Invitations": "邀请", "Application": "申请", "Problem": "问题",
    "Back to the pipeline board": "返回招聘看板", "Completed": "完成时间", "No interviews yet.": "暂无面试。",
    "The candidate has no email address; add one before inviting.": "候选人没有邮箱地址，请先添加后再邀请。",
    "This candidate already has an open invitation; resend or extend it instead.": "该候选人已有未完成的邀请，请重新发送或延期。",
    # Candidate portal
    "All questions answered": "所有题目已回答", "Allow the browser to use your camera and microphone.": "请允许浏览器使用摄像头和麦克风。",
    "An accommodation (for example more time, captions)": "便利安排（例如更多时间、字幕）",
    "An interview without AI assessment": "不使用AI评估的面试", "Answered": "已回答",
    "Ask for an alternative process or an accommodation": "申请替代流程或便利安排",
    "Before you start: what happens to your recording": "开始之前：您的录像将如何处理",
    "Camera and microphone check": "摄像头和麦克风检查", "Camera and microphone work": "摄像头和麦克风正常",
    "Connection lost, retrying": "网络中断，正在重试", "Continue": "继续", "Details (optional)": "详细说明（可选）",
    "I agree, continue": "我同意，继续",
    "Measure face visibility, smiles and eye contact (facial information)": "测量人脸可见、微笑和目光接触（人脸信息）",
    "Measure my speaking behaviour (speech rate, pauses, fillers)": "测量我的表达行为（语速、停顿、口头语）",
    "Next": "下一题",
    "No camera or microphone found. Check the browser's permission, or ask for an alternative process.": "未找到摄像头或麦克风。请检查浏览器权限，或申请替代流程。",
    "Notice version": "告知书版本", "Please finish before": "请在此时间前完成", "Practice question (not scored)": "练习题（不计分）",
    "Question": "第", "Questions": "题目数", "Read your feedback report": "查看您的反馈报告", "Record again": "重新录制",
    "Record my video and voice answers": "录制我的视频和语音回答", "Recording": "录制中", "Retakes left": "剩余重录次数",
    "Saved": "已保存", "Send request": "提交申请", "Start recording": "开始录制", "Stop": "停止", "Submit my interview": "提交面试",
    "Thank you: your interview is complete. The recruiter will be in touch.": "感谢您完成面试，招聘人员会与您联系。",
    "Think time": "思考时间",
    "Transcribe my answers and rate their content against the job's competencies": "转写我的回答，并按岗位胜任力评估回答内容",
    "Upload failed; check your connection and try again": "上传失败，请检查网络后重试", "Uploading": "上传中",
    "Video interview": "视频面试", "What do you need?": "您需要什么？", "Withdraw my consent": "撤回我的同意",
    "You can withdraw your consent at any time. Nothing more will be analysed and your recordings will be deleted.": "您可以随时撤回同意。撤回后将不再进行任何分析，您的录像将被删除。",
    "You withdrew your consent. Nothing more is analysed, and your recordings will be deleted.": "您已撤回同意。系统不再进行分析，您的录像将被删除。",
    "Your consent": "您的同意", "Your feedback report appears here once the company releases it.": "公司发布后，您的反馈报告将显示在这里。",
    "Your interview": "您的面试", "Your video interview": "您的视频面试", "optional": "可选", "required": "必选", "s": "秒",
    "This interview link is not valid. Use the latest link from your invitation email, or ask the recruiter to send it again.": "该面试链接无效。请使用邀请邮件中的最新链接，或联系招聘人员重新发送。",
    "This interview link has expired. Ask the recruiter to extend it; your answers so far are kept.": "该面试链接已过期。请联系招聘人员延长期限，您已录制的回答会保留。",
    "This interview was cancelled by the company. Contact the recruiter if you think this is a mistake.": "该面试已被公司取消。如有疑问请联系招聘人员。",
    "This interview is open on another device or browser. Continue there, or close it and wait 10 minutes before opening the link here.": "该面试已在其他设备或浏览器上打开。请在那里继续，或关闭后等待10分钟再在此打开。",
    "Thank you. Your request was sent to the recruiter, who will contact you.": "谢谢，您的申请已发送给招聘人员，他们会与您联系。",
    "The page expired; reload it and try again.": "页面已过期，请刷新后重试。",
    # Scoring, reports and review
    "Face visible in few frames": "人脸可见比例低", "More than one face on camera (seconds)": "画面中出现多张人脸（秒）",
    "Low transcript confidence: check the recording": "转写可信度低：请查看录像",
    "Answers that did not address the question": "答非所问的回答", "Questions not answered": "未作答的问题",
    "Recordings that could not be analysed": "无法分析的录像", "Advance": "推进", "Hold": "待定",
    "Review closely": "需人工细看", "Reject": "不通过", "Speech rate": "语速", "Speech-rate variation": "语速变化率",
    "Long pauses per minute": "每分钟长停顿", "Fillers per minute": "每分钟口头语", "Eye contact": "目光接触",
    "Face visible": "人脸可见", "Your interview feedback": "您的面试反馈", "Your results": "您的结果",
    "Thank you for your interview. Here is what went well and what you can work on.": "感谢您参加面试。以下是您表现好的方面和可以提升的方向。",
    "Strengths": "优势", "Suggestions": "改进建议",
    "A person at the company reviews every interview and makes the decision. You may ask how you were assessed.": "每场面试都由公司的工作人员审阅并做出决定。您可以要求了解评估方式。",
    "Interview report": "面试报告", "Composite score": "综合得分", "Confidence": "可信度",
    "System recommendation": "系统建议", "Answers analysed": "已分析回答",
    "The recommendation only informs a person: nobody is rejected automatically.": "系统建议仅供参考：由人做决定，系统不会自动淘汰任何人。",
    "Check before relying on the score": "采信分数前请核查", "Competencies": "胜任力", "To develop": "待提升",
    "Evidence": "评分依据", "off topic": "答非所问", "Behaviour against the norm": "表达行为与常模对比", "Index": "指数",
    "Use": "用途", "Percentile": "百分位", "scored": "计入评分", "shown only": "仅展示", "norm": "常模",
    "Behaviour indices describe observable delivery only, never feelings or personality.": "表达行为指数只描述可观察的表达方式，不代表情绪或性格。",
    "No behaviour index is computed under this job's policy.": "根据该职位的合规政策，不计算任何表达行为指数。",
    "Scoring model version": "评分模型版本", "Review": "评审", "Stage": "阶段", "Override": "改为",
    "HR report": "HR报告", "Candidate feedback report": "候选人反馈报告", "released": "已发布",
    "Release to the candidate": "发布给候选人", "This application has no scored interview yet.": "该申请尚无已评分的面试。",
    "Scorecards": "评分卡", "No scorecards yet.": "暂无评分卡。", "Overall": "总体", "Recommendation": "建议",
    "Notes": "备注", "Save scorecard": "保存评分卡", "Decision": "决定",
    "A person makes every decision and states why.": "每个决定都由人做出，并说明原因。",
    "Compare candidates": "候选人对比", "Pick two to four candidates to compare.": "请选择2至4名候选人进行对比。",
    "Behaviour": "表达行为", "Flags": "提示", "Ranked candidates": "候选人排名", "All": "全部",
    "Minimum score": "最低分", "Filter": "筛选", "Rank": "排名", "Compare": "对比", "overridden": "已人工调整",
    "No scored interviews yet. Scores appear when a candidate's last answer is analysed.": "暂无已评分的面试。候选人最后一个回答分析完成后即显示分数。",
    "Compare selected (2-4)": "对比所选（2-4人）",
    "Equal scores share a rank. The recommendation only informs a person: nobody is rejected automatically.": "分数相同者名次并列。系统建议仅供参考，系统不会自动淘汰任何人。",
    "Report": "报告",
    "The report is not ready yet. It is generated automatically when the interview's last answer is analysed.": "报告尚未生成。面试最后一个回答分析完成后将自动生成。",
    "Back to the interview": "返回面试", "Resume match": "简历匹配", "Answer content": "回答内容",
    "not counted": "未计入",
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
