import { MAX_PHOTO_BYTES } from '../../core/api/upload-limits'

/**
 * The mobile page a phone opens from the QR code: one self-contained HTML file (no framework, nothing
 * from the network), in Chinese or English by the phone's language, with big buttons for a thumb. It
 * reads the record from its path and the token from its fragment, sends photos one after another with
 * a progress bar each, and shows thumbnails only of the phone's own files (blob: URLs, never a read
 * from the laptop).
 */

/** Only this response's nonce runs or styles; images only from the phone's own files. */
export function phonePageCsp(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    'img-src blob:',
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}

const TEXTS = {
  zh: {
    title: '手机传图',
    kinds: { factories: '工厂', visits: '走访', samples: '样品' },
    into: '照片将传到电脑上打开的这条{{kind}}记录',
    code: '连接码',
    codeHint: '与电脑上显示的一致即连接正确',
    left: '剩余 {{time}}',
    camera: '拍照',
    pick: '从相册选择',
    waiting: '等待上传',
    sending: '上传中 {{percent}}%',
    processing: '电脑处理中…',
    done: '已传到电脑',
    sent: '已上传 {{count}} 张',
    errors: {
      'errors.phoneUpload.expired': '链接已过期（10 分钟）。请在电脑上重新打开“手机传图”，扫描新的二维码。',
      'errors.phoneUpload.closed': '电脑上已关闭这次传图。请重新打开“手机传图”，扫描新的二维码。',
      'errors.phoneUpload.badToken': '链接无效。请扫描电脑上显示的二维码。',
      'errors.phoneUpload.wrongRecord': '这个链接属于另一条记录，未上传。',
      'errors.phoneUpload.notImage': '不是图片，未上传。',
      'errors.photo.notImage': '不是电脑能读取的图片，未上传。',
      'errors.photo.tooLarge': '照片超过 {{mb}} MB，未上传。',
      'errors.phoneUpload.tooMany': '这次传图已达上限，请在电脑上重新打开。',
      'errors.phoneUpload.busy': '同时上传的照片太多，请稍候再试。',
      'errors.phoneUpload.forbidden': '请求被拒绝。',
      'errors.phoneUpload.broken': '上传中断，请重试。',
      network: '连不上电脑：请确认手机和电脑在同一 Wi-Fi 或热点，且电脑上的传图窗口还开着。',
      other: '上传失败，请重试。',
    },
  },
  en: {
    title: 'Photos to the laptop',
    kinds: { factories: 'factory', visits: 'visit', samples: 'sample' },
    into: 'Photos go into the {{kind}} open on the laptop',
    code: 'Pairing code',
    codeHint: 'Matches the laptop’s dialog when you reached the right laptop',
    left: '{{time}} left',
    camera: 'Take photo',
    pick: 'Choose from library',
    waiting: 'Waiting',
    sending: 'Uploading {{percent}}%',
    processing: 'Laptop is processing…',
    done: 'On the laptop',
    sent: '{{count}} uploaded',
    errors: {
      'errors.phoneUpload.expired':
        'This link has expired (10 minutes). Open “Photos from phone” on the laptop again and scan the new code.',
      'errors.phoneUpload.closed':
        'The laptop closed this upload. Open “Photos from phone” again and scan the new code.',
      'errors.phoneUpload.badToken': 'This link is not valid. Scan the code the laptop shows.',
      'errors.phoneUpload.wrongRecord': 'This link belongs to another record; nothing was uploaded.',
      'errors.phoneUpload.notImage': 'Not an image; not uploaded.',
      'errors.photo.notImage': 'Not an image the laptop can read; not uploaded.',
      'errors.photo.tooLarge': 'The photo is larger than {{mb}} MB; not uploaded.',
      'errors.phoneUpload.tooMany': 'This upload has reached its limit; open it again on the laptop.',
      'errors.phoneUpload.busy': 'Too many photos at once; try again in a moment.',
      'errors.phoneUpload.forbidden': 'The request was refused.',
      'errors.phoneUpload.broken': 'The upload broke off; try again.',
      network:
        'Cannot reach the laptop: check that the phone and laptop share the Wi-Fi or hotspot and that the dialog on the laptop is still open.',
      other: 'Upload failed; try again.',
    },
  },
}

/** Refusals that end the session for this page: the buttons go away. */
const FATAL = ['expired', 'closed', 'badToken', 'wrongRecord', 'forbidden'].map(
  (k) => `errors.phoneUpload.${k}`,
)

const STYLE = `
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0;font:17px/1.45 -apple-system,"PingFang SC","Noto Sans SC","Microsoft YaHei",sans-serif;background:#f4f6f8;color:#1a1b1e}
main{max-width:560px;margin:0 auto;padding:20px 16px 40px}
h1{font-size:24px;margin:4px 0 6px}
.into{color:#495057;margin:0 0 14px}
.pair{display:flex;justify-content:space-between;align-items:center;background:#fff;border-radius:14px;padding:12px 16px;margin-bottom:16px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
.pair b{font-size:28px;letter-spacing:6px;font-variant-numeric:tabular-nums}
.pair small{display:block;color:#868e96;font-size:13px}
.left{font-variant-numeric:tabular-nums;color:#495057}
.actions{display:grid;gap:12px;margin-bottom:18px}
.btn{display:flex;align-items:center;justify-content:center;min-height:64px;border-radius:14px;font-size:20px;font-weight:600;color:#fff;background:#1c7ed6;user-select:none}
.btn.alt{background:#fff;color:#1c7ed6;border:2px solid #1c7ed6}
.btn input{display:none}
.banner{display:none;background:#fff5f5;color:#c92a2a;border:1px solid #ffc9c9;border-radius:12px;padding:12px 14px;margin-bottom:16px}
.banner.on{display:block}
.sent{color:#2b8a3e;font-weight:600;margin:0 0 10px}
ul{list-style:none;margin:0;padding:0;display:grid;gap:10px}
li{display:flex;gap:12px;align-items:center;background:#fff;border-radius:12px;padding:10px;box-shadow:0 1px 3px rgba(0,0,0,.06)}
li img,li .ph{width:64px;height:64px;border-radius:8px;object-fit:cover;background:#e9ecef;flex:none}
li .meta{flex:1;min-width:0}
li .name{white-space:nowrap;overflow:hidden;text-overflow:ellipsis;font-size:15px}
.bar{height:8px;background:#e9ecef;border-radius:4px;margin:6px 0 4px;overflow:hidden}
.bar i{display:block;height:100%;width:0;background:#1c7ed6;transition:width .15s}
li[data-state=done] .bar i{background:#2b8a3e}
li[data-state=failed] .bar{display:none}
.st{font-size:14px;color:#495057}
li[data-state=failed] .st{color:#c92a2a}
li[data-state=done] .st{color:#2b8a3e}
`

/** Runs in the phone's browser: plain ES2017, no modules. */
const SCRIPT = String.raw`
(function () {
  var TEXTS = __TEXTS__, FATAL = __FATAL__, MAX_MB = __MAX_MB__;
  var lang = ((navigator.languages && navigator.languages[0]) || navigator.language || 'zh').toLowerCase();
  var L = lang.indexOf('zh') === 0 ? TEXTS.zh : TEXTS.en;
  document.documentElement.lang = L === TEXTS.zh ? 'zh-CN' : 'en';
  function fill(text, values) {
    return text.replace(/\{\{(\w+)\}\}/g, function (_, k) { return values && k in values ? values[k] : ''; });
  }
  function $(id) { return document.getElementById(id); }
  var parts = location.pathname.split('/');
  var table = parts[2], base = location.pathname, token = location.hash.slice(1);
  document.title = L.title;
  $('title').textContent = L.title;
  $('into').textContent = fill(L.into, { kind: L.kinds[table] || '' });
  $('code-label').textContent = L.code;
  $('code-hint').textContent = L.codeHint;
  $('camera-label').textContent = L.camera;
  $('pick-label').textContent = L.pick;
  var stopped = false, expiresAt = 0, doneCount = 0;
  function errorText(key) {
    return fill(L.errors[key] || L.errors.other, { mb: MAX_MB });
  }
  function stop(key) {
    stopped = true;
    $('actions').hidden = true;
    $('left').textContent = '';
    $('banner').textContent = errorText(key);
    $('banner').className = 'banner on';
    $('banner').setAttribute('data-key', key);
  }
  function tick() {
    if (stopped || !expiresAt) return;
    var ms = Math.max(0, expiresAt - Date.now());
    var s = Math.ceil(ms / 1000);
    $('left').textContent = fill(L.left, { time: Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0') });
    if (ms <= 0) stop('errors.phoneUpload.expired');
  }
  function request(method, path, body, type, onProgress) {
    return new Promise(function (resolve) {
      var xhr = new XMLHttpRequest();
      xhr.open(method, base + path);
      xhr.setRequestHeader('x-phone-token', token);
      if (type) xhr.setRequestHeader('content-type', type);
      if (onProgress) xhr.upload.onprogress = function (e) { if (e.lengthComputable) onProgress(e.loaded / e.total); };
      xhr.onload = function () {
        var reply = null;
        try { reply = JSON.parse(xhr.responseText); } catch (e) {}
        resolve(reply && typeof reply.ok === 'boolean' ? reply : { ok: false, error: { messageKey: 'other' } });
      };
      xhr.onerror = function () { resolve({ ok: false, error: { messageKey: 'network' } }); };
      xhr.send(body);
    });
  }
  request('GET', '/session').then(function (reply) {
    if (!reply.ok) return stop(reply.error.messageKey);
    $('code').textContent = reply.value.code;
    // The laptop's clock decides; the phone only counts down what it was told is left.
    expiresAt = Date.now() + reply.value.remainingMs;
    tick();
    setInterval(tick, 1000);
  });
  var queue = Promise.resolve();
  function add(file) {
    var li = document.createElement('li');
    li.setAttribute('data-state', 'waiting');
    li.setAttribute('data-testid', 'phone-item');
    var thumb;
    if (/^image\//.test(file.type)) {
      thumb = document.createElement('img');
      thumb.alt = '';
      thumb.src = URL.createObjectURL(file);
      // A file that only calls itself an image shows the grey square, not a broken-image icon.
      thumb.onerror = function () { thumb.removeAttribute('src'); };
    } else {
      thumb = document.createElement('div');
      thumb.className = 'ph';
    }
    var meta = document.createElement('div'); meta.className = 'meta';
    var name = document.createElement('div'); name.className = 'name'; name.textContent = file.name || 'photo';
    var bar = document.createElement('div'); bar.className = 'bar';
    var fillBar = document.createElement('i'); bar.appendChild(fillBar);
    var st = document.createElement('div'); st.className = 'st'; st.textContent = L.waiting;
    meta.appendChild(name); meta.appendChild(bar); meta.appendChild(st);
    li.appendChild(thumb); li.appendChild(meta);
    $('list').insertBefore(li, $('list').firstChild);
    function show(state, text, share) {
      li.setAttribute('data-state', state);
      st.textContent = text;
      if (share !== undefined) fillBar.style.width = Math.round(share * 100) + '%';
    }
    queue = queue.then(function () {
      if (stopped) return show('failed', errorText($('banner').getAttribute('data-key') || 'other'));
      show('sending', fill(L.sending, { percent: 0 }), 0);
      var path = '/photos?name=' + encodeURIComponent(file.name || 'photo');
      return request('POST', path, file, file.type || 'application/octet-stream', function (share) {
        if (share < 1) show('sending', fill(L.sending, { percent: Math.round(share * 100) }), share);
        else show('processing', L.processing, 1);
      }).then(function (reply) {
        if (reply.ok) {
          doneCount++;
          $('sent').textContent = fill(L.sent, { count: doneCount });
          return show('done', L.done, 1);
        }
        var key = reply.error.messageKey;
        li.setAttribute('data-error', key);
        show('failed', errorText(key));
        if (FATAL.indexOf(key) >= 0) stop(key);
      });
    });
  }
  function onPick(event) {
    var files = Array.prototype.slice.call(event.target.files || []);
    files.forEach(add);
    event.target.value = '';
  }
  $('camera').addEventListener('change', onPick);
  $('pick').addEventListener('change', onPick);
})();
`

/** The page, with `nonce` on its one script and one style (the CSP allows nothing else). */
export function phonePageHtml(nonce: string): string {
  const script = SCRIPT.replace('__TEXTS__', JSON.stringify(TEXTS))
    .replace('__FATAL__', JSON.stringify(FATAL))
    .replace('__MAX_MB__', String(MAX_PHOTO_BYTES / (1024 * 1024)))
    // A "</script" inside the JSON would end the script element early.
    .replace(/<\//g, '<\\/')
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="referrer" content="no-referrer">
<title>手机传图</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<main>
<h1 id="title"></h1>
<p class="into" id="into"></p>
<div class="pair"><div><small id="code-label"></small><b id="code" data-testid="phone-code">····</b><small id="code-hint"></small></div><span class="left" id="left" data-testid="phone-left"></span></div>
<div class="banner" id="banner" role="alert" data-testid="phone-banner"></div>
<div class="actions" id="actions">
<label class="btn"><span id="camera-label"></span><input id="camera" type="file" accept="image/*" capture="environment" data-testid="phone-camera"></label>
<label class="btn alt"><span id="pick-label"></span><input id="pick" type="file" accept="image/*" multiple data-testid="phone-pick"></label>
</div>
<p class="sent" id="sent" data-testid="phone-sent"></p>
<ul id="list" data-testid="phone-list"></ul>
</main>
<script nonce="${nonce}">${script}</script>
</body>
</html>
`
}
