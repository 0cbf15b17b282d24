/** Chinese texts of the Trash and of deletes that met an edit (Sync screen), spread into zh-CN.ts. */
export const trashZhCN = {
  trash: {
    title: '回收站',
    intro:
      '删除的工厂、行程、拜访、待办、样品、报价、汇率和照片都在这里，可以恢复；恢复会同步到其他笔记本。总部维护的数据（SKU、对标价、需求、品类）不在此处。',
    allKinds: '全部',
    kindFilter: '类型',
    deletedBy: '{{device}} 删除于 {{time}}',
    deletedAt: '删除于 {{time}}',
    untitled: '（无名称）',
    restore: '恢复',
    deletedMark: '已删除',
    deletedName: '{{name}}（已删除）',
    restored: '已恢复：{{records}}',
    empty: '回收站是空的。',
    conflicts: {
      title: '删除与修改冲突',
      hint: '有人删除了记录，另一位采购没看到删除就修改了它（或删除时没看到这次修改）：记录保持删除，修改的内容保留在记录里，恢复即可找回。',
      empty: '没有删除与修改的冲突。',
      later: '{{deleter}} 删除了{{record}}；{{editor}} 之后对「{{fields}}」的修改已保留',
      unseen: '{{deleter}} 删除了{{record}}，没有看到 {{editor}} 对「{{fields}}」的修改；修改已保留',
      kept: '保留的内容：{{values}}',
      times: '删除 {{deletedAt}} · 修改 {{editedAt}}',
      restore: '恢复此记录',
      restoredState: '已恢复',
      fieldSeparator: '、',
    },
  },
}

/** Chinese error texts of the Trash, under errors.trash. */
export const trashErrorsZhCN = {
  rateExists: '这种货币已有当前汇率：先删除它，再恢复旧汇率',
}
