// Stand-in for a Google Tag Manager container: the page loads only this, and the container injects
// the Meta pixel at once and Hotjar plus a YouTube embed a moment later, as tags configured in the
// GTM web interface do. Nothing of them is in the site's own HTML.
(function () {
  function script(src) {
    var s = document.createElement('script');
    s.async = true;
    s.src = src;
    document.head.appendChild(s);
  }
  script('https://connect.facebook.net/en_US/fbevents.js');
  setTimeout(function () {
    script('https://static.hotjar.com/c/hotjar-1234567.js?sv=6');
    var video = document.createElement('iframe');
    video.src = 'https://www.youtube.com/embed/gtm-tag';
    video.title = 'Video';
    document.body.appendChild(video);
  }, 800);
})();
