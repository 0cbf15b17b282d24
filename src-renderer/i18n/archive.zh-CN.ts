/** 简体中文：搬到新电脑 / 保留副本，以及启动时与存储的错误提示。 */
export const archiveZhCN = {
  archive: {
    title: '搬到新电脑 / 保留一份副本',
    intro:
      '“导出全部”把数据库（应用运行中也能得到一致的快照）、全部照片、全部文档和一份校验清单写成一个存档文件。把它拷到新电脑，在那里“打开存档”即可原样恢复：列表、照片、文档、设备身份和总部同步设置。',
    export: '导出全部',
    exported: '已导出 {{fileName}}',
    savedAt: '保存在',
    counts:
      '工厂 {{factories}} · 样品 {{samples}} · 报价 {{quotes}} · 拜访 {{visits}} · 照片 {{photos}} · {{megabytes}} MB',
    workbook: '导出为 Excel',
    workbookDone: '已导出 Excel：每张表一个工作表',
    openTitle: '打开存档',
    openIntro:
      '在新电脑上打开一个导出的存档。打开前会逐一核对清单中的每个文件和记录数，不符则拒绝、不改动任何数据。',
    notEmpty:
      '这台电脑上已有 {{count}} 条你自己录入的记录：存档只能在还没有自己数据的电脑上打开（演示数据不算）。',
    open: '打开存档',
    opening: '正在核对并导入存档…',
    confirmTitle: '用存档替换这台电脑上的数据？',
    confirmBody: '将用 {{fileName}} 中的数据替换这里的数据（目前只有演示数据或为空）。核对通过后才会替换。',
    openedTitle: '存档已打开',
    opened: '已恢复 {{createdAt}} 导出的数据（版本 {{appVersion}}）。',
    reload: '重新载入',
    failed: '操作未完成',
  },
}

/** errors.archive / errors.storage / errors.startup 的文字。 */
export const archiveErrorsZhCN = {
  archive: {
    notEmpty: '这台电脑上已有 {{records}} 条你自己的记录，存档只能在空的电脑上打开，未做任何改动',
    notAnArchive: '这不是完整的工作台存档（可能没有下载完或不是本软件导出的），未做任何改动',
    foreignFile: '存档中有不属于它的文件（{{name}}），已拒绝，未做任何改动',
    mismatch: '存档与其校验清单不符（{{name}}），可能已损坏，未做任何改动',
    damaged: '存档中的数据库已损坏，未做任何改动',
    newerSchema:
      '存档由更新的版本 {{dataVersion}}（数据结构 {{dataSchema}}）导出，本程序是 {{appVersion}}（数据结构 {{appSchema}}）：请先升级，未做任何改动',
    newerFormat: '存档格式比本程序新：请先升级，未做任何改动',
  },
  storage: {
    full: '磁盘已满，这次没有保存。之前保存的内容都在；腾出空间后再试',
    readOnly: '数据文件夹是只读的，无法保存。之前保存的内容都在',
    noAccess: '没有权限写入数据文件夹 {{path}}',
    cantOpen: '无法打开数据库文件（文件夹不可写或文件被占用）',
    io: '磁盘读写出错，这次没有保存',
  },
  startup: {
    newerSchema:
      '这份数据由更新的版本 {{dataVersion}}（数据结构 {{dataSchema}}）写入，本程序是 {{appVersion}}（数据结构 {{appSchema}}）：未打开，文件未改动',
    damaged: '数据库已损坏（{{problem}}），未打开',
    damagedWithBackup: '数据库已损坏（{{problem}}）；最近一份完好的备份是 {{backupAt}}，可从它恢复',
    locked: '另一个工作台（进程 {{pid}}）正在使用这个数据文件夹',
  },
}
