// Review page: clicking a transcript sentence moves its answer's video there; the spoken sentence is highlighted.
(function () {
  "use strict";
  function sectionOf(el) { return el.closest("section.answer"); }
  document.addEventListener("click", function (ev) {
    var s = ev.target.closest(".sentence[data-t]");
    if (!s) { return; }
    var video = sectionOf(s) && sectionOf(s).querySelector("video");
    if (!video) { return; }
    video.currentTime = parseFloat(s.getAttribute("data-t"));
    var played = video.play();
    if (played && played.catch) { played.catch(function () { /* autoplay may be refused; the jump still happened */ }); }
    document.body.setAttribute("data-last-seek", s.getAttribute("data-t"));
  });
  document.querySelectorAll("section.answer video").forEach(function (video) {
    video.addEventListener("timeupdate", function () {
      var t = video.currentTime;
      sectionOf(video).querySelectorAll(".sentence[data-t]").forEach(function (s) {
        var a = parseFloat(s.getAttribute("data-t")), b = parseFloat(s.getAttribute("data-t-end") || a);
        s.classList.toggle("playing", t >= a && t <= b + 0.2);
      });
    });
  });
  // Compare: allow two to four ticked candidates.
  var compare = document.querySelector("form.compare");
  if (compare) {
    var boxes = compare.querySelectorAll("input[name=ids]"), button = compare.querySelector("button.compare-go");
    var update = function () {
      var n = Array.prototype.filter.call(boxes, function (b) { return b.checked; }).length;
      if (button) { button.disabled = n < 2 || n > 4; }
    };
    boxes.forEach(function (b) { b.addEventListener("change", update); });
    update();
  }
})();
