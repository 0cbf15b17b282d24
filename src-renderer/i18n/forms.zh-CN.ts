/** Chinese texts of unsaved changes and drafts in every form, spread into zh-CN.ts. */
export const formsZhCN = {
  forms: {
    discard: {
      title: '放弃未保存的修改？',
      body: '这个表单里有还没保存的内容。放弃后，这些修改和它的草稿都会删除。',
      keep: '继续编辑',
      discard: '放弃修改',
    },
    draft: {
      found: '有未保存的草稿（{{time}}）',
      hint: '这个表单上次有内容没有保存。恢复会把草稿填回表单，丢弃则删除草稿。',
      stale:
        '这条记录在草稿之后又被修改过（草稿 {{time}}）：恢复只填回草稿里改过的字段，其余字段保持最新；两边都改过的字段以草稿为准。',
      dropped: '草稿不保存文件和照片，恢复后请重新添加。',
      restore: '恢复',
      discard: '丢弃',
      waiting: '有 {{count}} 份未保存的草稿',
      waitingHint: '打开原来的表单即可恢复或丢弃：',
      kinds: { visit: '拜访', sample: '样品', quote: '报价', factory: '工厂' },
    },
  },
}
