// The device's share sheet (Web Share API: KakaoTalk, LINE, Messages… as the phone offers them) and copying
// the link, shown only where the browser can do them; the plain share links work without this script.
(function () {
  document.querySelectorAll('[data-share]').forEach(function (button) {
    if (!navigator.share) { return; }
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.share({ title: button.dataset.title, url: button.dataset.url }).catch(function () {});
    });
  });
  document.querySelectorAll('[data-copy]').forEach(function (button) {
    if (!navigator.clipboard) { return; }
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(button.dataset.url).then(function () {
        var status = button.parentElement.querySelector('.share-copied');
        if (status) { status.textContent = button.dataset.done; }
      });
    });
  });
})();
