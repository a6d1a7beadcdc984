// Long checkbox lists (governments present): a filter box hides the choices that do not
// match what is typed. The ticked ones stay, whether shown or not, and are sent with the form.
(function () {
  "use strict";
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  document.querySelectorAll("input[data-filter-for]").forEach(function (input) {
    var options = document.getElementById(input.dataset.filterFor);
    if (!options) { return; }
    input.closest(".checkbox-filter").hidden = false;
    input.addEventListener("input", function () {
      var wanted = fold(input.value.trim());
      options.querySelectorAll(".form-check").forEach(function (choice) {
        var label = fold(choice.textContent);
        choice.hidden = wanted !== "" && label.indexOf(wanted) === -1;
      });
    });
  });
})();
