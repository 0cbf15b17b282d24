/** Chinese texts of Settings → backups, spread into zh-CN.ts. */
export const backupZhCN = {
  backup: {
    title: '备份与恢复',
    intro:
      '工作台自动备份本机数据库：有修改时最多每 15 分钟一次、退出时、升级数据库前、恢复前和清除演示数据前。照片不重复保存，备份只记下它需要的照片。',
    keepRule: '保留规则：今天最新的 3 份，之前 10 天每天 1 份；升级、恢复和清除演示数据前的备份保留 30 天。',
    folder: '备份位置：{{folder}}',
    now: '立即备份',
    created: '已备份',
    none: '还没有备份',
    time: '时间',
    reason: '原因',
    contents: '内容',
    counts: '工厂 {{factories}} · 样品 {{samples}} · 报价 {{quotes}} · 未同步修改 {{unsent}}',
    photos: '照片 {{count}} 张',
    missingPhotos: '（{{count}} 张不在本机，同步时从总部取回）',
    restore: '恢复',
    confirmTitle: '恢复到 {{time}} 的备份？',
    confirmBody:
      '本机数据将回到这份备份时的样子。恢复前会先把现在的数据另存为一份“恢复前”备份，可以再恢复回来。已同步到总部的修改会在下次同步时回到本机；备份之后尚未同步的修改只保留在“恢复前”备份里。',
    restored: '已恢复到 {{time}} 的备份；恢复前的数据已另存为备份',
    reasons: {
      auto: '自动',
      quit: '退出时',
      manual: '手动',
      'pre-migration': '升级前',
      'pre-restore': '恢复前',
      'pre-clear-demo': '清除演示数据前',
    },
  },
}

/** The core's refusals of a backup file, under errors.backup. */
export const backupErrorsZhCN = {
  backup: {
    badName: '备份名称无效',
    not_found: '找不到这份备份文件',
    no_manifest: '这份备份缺少说明文件（manifest），无法确认它的内容，已拒绝恢复',
    not_sqlite: '这个文件不是数据库，已拒绝恢复',
    hash_mismatch: '备份文件在生成后被改动过（校验值不符），已拒绝恢复',
    damaged: '备份文件已损坏（完整性检查未通过），已拒绝恢复',
    not_workbench: '这不是源选采购工作台的数据库，已拒绝恢复',
    manifest_mismatch: '备份文件与它的说明文件不一致，已拒绝恢复',
    newer_schema: '这份备份来自更新版本的工作台，请先升级本应用再恢复',
    other_device: '这份备份属于另一台电脑，不能在本机恢复',
  },
}
