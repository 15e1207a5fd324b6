/* Shows a call's start in the reader's own time zone next to the time as announced.
   Progressive: without JavaScript the announced time (with its zone) is all there is. */
(function () {
  "use strict";
  if (!window.Intl || !Intl.DateTimeFormat) return;
  var readerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var format = new Intl.DateTimeFormat(undefined, {
    weekday: "short", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short"
  });
  document.querySelectorAll("time[data-local-time]").forEach(function (el) {
    if (!readerZone || el.getAttribute("data-zone") === readerZone) return;
    var when = new Date(el.getAttribute("datetime"));
    if (isNaN(when.getTime())) return;
    var yours = document.createElement("span");
    yours.className = "local-time";
    yours.textContent = "Your time: " + format.format(when);
    el.insertAdjacentElement("afterend", yours);
  });
})();
