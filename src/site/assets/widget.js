// prosit's widget for a municipality's web site: put
//   <script src="https://…/verejne/widget.js" data-obec="571164" async></script>
// where the widget should appear; it inserts an iframe with the municipality's search and
// situations (data-lang="en" for English, data-height in pixels). The paths come from the
// server's URL table (site/public_urls.h), filled in when it serves this file.
(function () {
  var script = document.currentScript;
  if (!script || !script.src) return;
  var code = script.getAttribute('data-obec') || '';
  if (!/^[0-9]{6}$/.test(code)) return;
  var en = script.getAttribute('data-lang') === 'en';
  var height = parseInt(script.getAttribute('data-height') || '', 10);
  var frame = document.createElement('iframe');
  frame.src = new URL(script.src).origin + (en ? '__EMBED_EN__' : '__EMBED_CS__') + code;
  frame.title = en ? '__TITLE_EN__' : '__TITLE_CS__';
  frame.loading = 'lazy';
  frame.width = '100%';
  frame.height = String(height > 0 ? height : 640);
  frame.style.border = '1px solid #d5dbe1';
  frame.style.borderRadius = '6px';
  frame.style.maxWidth = '40rem';
  script.parentNode.insertBefore(frame, script.nextSibling);
})();
