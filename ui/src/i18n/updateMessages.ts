// The desk's own updates, offered by head office in the status bar. Merged into messages.ts.

export const updateZh = {
  "update.available": "新版本 {version} 可用",
  "update.title": "经纪人工作台 {version}",
  "update.current": "当前版本 {version}",
  "update.notes": "更新内容",
  "update.noNotes": "总部未填写更新说明",
  "update.howItGoes":
    "安装前会先把待同步的记录上传到总部；有记录未能上传时不会安装。安装包的签名经本机内置的公司公钥核验。安装后工作台自动重启，输入登录密码解锁即可继续，本机数据不受影响。",
  "update.install": "立即更新",
  "update.later": "稍后",
  "update.installing": "正在上传待同步记录、下载并核验安装包…",
  "update.failed": "更新未完成",
  "status.version": "版本 {version}",
};

export const updateEn: Record<keyof typeof updateZh, string> = {
  "update.available": "Version {version} available",
  "update.title": "BrokerDesk {version}",
  "update.current": "Current version {version}",
  "update.notes": "What's new",
  "update.noNotes": "Head office gave no release notes",
  "update.howItGoes":
    "Pending records are pushed to head office first; nothing is installed while any stay unpushed. The bundle's signature is checked against the firm key built into the desk. The desk then restarts; unlock it with your password and carry on, with everything on this machine kept.",
  "update.install": "Update now",
  "update.later": "Later",
  "update.installing": "Pushing pending records, downloading and checking the bundle…",
  "update.failed": "The update did not complete",
  "status.version": "Version {version}",
};
