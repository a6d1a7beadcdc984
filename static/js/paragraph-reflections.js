// The draft page: a paragraph's "key messages reflected" link opens the list under the
// paragraph instead of leaving the page. Without scripts the link opens the list's own page.
(function () {
  "use strict";

  function toggle(link) {
    var shown = link.nextElementSibling;
    if (shown && shown.classList.contains("paragraph-reflections-list")) {
      shown.remove();
      link.setAttribute("aria-expanded", "false");
      return Promise.resolve();
    }
    link.setAttribute("aria-busy", "true");
    return fetch(link.href, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.text();
      })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var list = page.getElementById("paragraph-reflections");
        if (!list) { throw new Error("no list"); }
        list.removeAttribute("id");
        var heading = list.querySelector("h2");
        if (heading) {
          var label = document.createElement("p");
          label.className = "small fw-semibold mb-1";
          label.textContent = heading.textContent;
          heading.replaceWith(label);
        }
        list.removeAttribute("aria-labelledby");
        list.classList.add("small", "mt-1");
        link.after(document.importNode(list, true));
        link.setAttribute("aria-expanded", "true");
      })
      .finally(function () { link.removeAttribute("aria-busy"); });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a.paragraph-reflections");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) { return; }
    event.preventDefault();
    toggle(link).catch(function () { window.location.assign(link.href); });
  });
})();
