// Sort a table by clicking a header, filter it by typing. Without script the tables
// are all there, only not sortable: the controls are added here, not in the page.
(function () {
  "use strict";
  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
  function text(row, index) {
    var cell = row.cells[index];
    return cell ? cell.textContent.trim() : "";
  }
  function sortBy(table, index, header) {
    var body = table.tBodies[0];
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var headers = table.tHead.rows[0].cells;
    for (var i = 0; i < headers.length; i += 1) { headers[i].removeAttribute("aria-sort"); }
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var order = collator.compare(text(a, index), text(b, index));
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  function filter(table, words) {
    var wanted = words.trim().toLowerCase();
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      row.hidden = wanted !== "" && row.textContent.toLowerCase().indexOf(wanted) === -1;
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table, n) {
    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (header, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = header.textContent;
      button.title = "Sort by " + header.textContent;
      header.textContent = "";
      header.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, index, header); });
    });
    var label = document.createElement("label");
    label.className = "filter";
    label.textContent = "Filter " + (table.getAttribute("data-filter") || "rows") + ":";
    var input = document.createElement("input");
    input.type = "search";
    input.id = "filter-" + n;
    input.addEventListener("input", function () { filter(table, input.value); });
    label.appendChild(input);
    table.parentNode.parentNode.insertBefore(label, table.parentNode);
  });
}());
