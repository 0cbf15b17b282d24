/** 手机传图：电脑上的对话框，spread into zh-CN.ts. */
export const phoneUploadZhCN = {
  phoneUpload: {
    button: '手机传图',
    title: '手机传图',
    steps: {
      wifi: '手机连上与电脑相同的 Wi-Fi 或热点',
      scan: '用手机相机扫描二维码',
      shoot: '拍照或选图，照片会出现在这条记录里',
    },
    address: '电脑地址',
    addressHint: '电脑有多个网络时，选择手机所连的那个',
    loopbackOnly:
      '没有找到局域网地址：电脑没有连上 Wi-Fi 或热点。手机无法访问 127.0.0.1，请连上网络后重新打开。',
    code: '连接码',
    codeHint: '手机页面上显示相同的数字',
    closesIn: '{{time}} 后自动关闭',
    expired: '已超过 10 分钟，这次传图已关闭，二维码失效。',
    restart: '重新开始',
    opening: '正在打开…',
    failedToOpen: '无法打开手机传图',
    none: '还没有收到照片',
    received: '收到 {{count}} 张',
    state: {
      receiving: '接收中 {{percent}}%',
      processing: '处理中…',
      done: '已加入',
    },
    close: '关闭',
    privacy: '只在对话框打开时可以上传；手机只能上传到这条记录，看不到电脑上的其他资料。',
  },
}

export const phoneUploadErrorsZhCN = {
  phoneUpload: {
    unavailable: '这个窗口不支持手机传图',
    listenFailed: '无法在局域网上等待手机连接',
    noSession: '这次传图已不存在，请重新打开',
    badToken: '链接无效',
    expired: '链接已过期',
    closed: '这次传图已关闭',
    wrongRecord: '链接属于另一条记录',
    notImage: '不是图片',
    tooMany: '这次传图的照片已达上限',
    busy: '同时上传的照片太多',
    forbidden: '请求被拒绝',
    broken: '上传中断',
  },
}
