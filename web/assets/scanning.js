// Comptoir — scanning on a purchase order's receive form and on a stocktake.
// A scanner types the digits then Enter, fast: each Enter is handled on its own
// keydown, the field read and cleared at once, so that no scan is lost or merged
// with the next. Without this script both forms still work: they post the scan.
(function () {
  'use strict';

  // Restarts a short CSS animation (a class added again does not replay it).
  function flash(element, name) {
    element.classList.remove(name);
    void element.offsetWidth;
    element.classList.add(name);
  }

  // A message template with its `{name}` filled in (taken as plain text).
  function fill(template, name, value) {
    return String(template).replace('{' + name + '}', function () {
      return value;
    });
  }

  function show(element, text) {
    element.textContent = text;
    element.hidden = !text;
  }

  // A message next to the field, with a visual cue (no sound).
  function refuse(field, error, text) {
    show(error, text);
    field.classList.remove('scan-accepted');
    field.setAttribute('aria-invalid', 'true');
    flash(field, 'scan-refused');
  }

  function accept(field, error, status, text) {
    show(error, '');
    field.removeAttribute('aria-invalid');
    field.classList.remove('scan-refused');
    status.textContent = text;
    status.classList.add('scan-ok');
    flash(field, 'scan-accepted');
  }

  // Calls `handle(code)` for each code typed then Enter; also when the scan
  // field's form is submitted with a code in it (the code is counted, the form
  // not sent).
  function onScan(field, handle) {
    function take() {
      var code = field.value.trim();
      field.value = '';
      if (code) {
        handle(code);
      }
      return code;
    }
    field.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && !event.isComposing) {
        event.preventDefault();
        take();
      }
    });
    field.form.addEventListener('submit', function (event) {
      if (field.value.trim()) {
        event.preventDefault();
        take();
        field.focus();
      }
    });
  }

  // --- Receiving an order: everything is in the page, nothing is posted. ---

  // '2,5' → 2.5; blank or unreadable → 0.
  function readQuantity(text) {
    var value = Number(String(text).replace(/\s/g, '').replace(',', '.'));
    return isFinite(value) ? value : 0;
  }

  function writeQuantity(value) {
    return String(Math.round(value * 1000) / 1000).replace('.', ',');
  }

  function receiving(field) {
    var error = document.getElementById('receive-scan-error');
    var status = document.getElementById('receive-scan-status');
    var rows = field.form.querySelectorAll('tr[data-product-id]');
    var byCode = {};
    Array.prototype.forEach.call(rows, function (row) {
      (row.getAttribute('data-barcodes') || '').split(' ').forEach(function (code) {
        if (code) {
          byCode[code] = row;
        }
      });
    });

    onScan(field, function (code) {
      var row = byCode[code];
      if (!row) {
        refuse(field, error, fill(field.getAttribute('data-unknown'), 'code', code));
        return;
      }
      var input = row.querySelector('input[name="receive_quantity"]');
      input.value = writeQuantity(readQuantity(input.value) + 1);
      accept(field, error, status,
        fill(field.getAttribute('data-added'), 'name', row.getAttribute('data-name')));
      flash(row, 'scan-hit');
    });

    // Quantities from 0 (to be scanned) or prefilled with what remains.
    var mode = document.getElementById('receive-scan-mode');
    var toScan = document.getElementById('receive-mode-scan');
    var toPrefill = document.getElementById('receive-mode-prefill');
    function setMode(scanning) {
      Array.prototype.forEach.call(rows, function (row) {
        var input = row.querySelector('input[name="receive_quantity"]');
        input.value = scanning ? '0' : row.getAttribute('data-remaining');
      });
      mode.value = scanning ? '1' : '0';
      toScan.hidden = scanning;
      toPrefill.hidden = !scanning;
      field.focus();
    }
    if (mode && toScan && toPrefill) {
      toScan.addEventListener('click', function (event) {
        event.preventDefault();
        setMode(true);
      });
      toPrefill.addEventListener('click', function (event) {
        event.preventDefault();
        setMode(false);
      });
    }
  }

  // --- A stocktake: each scan is posted in turn, its row updated in place. ---

  function stocktake(field) {
    var form = field.form;
    var error = document.getElementById('stocktake-scan-error');
    var status = document.getElementById('stocktake-scan-status');
    var progress = document.getElementById('stocktake-progress');
    var csrf = form.querySelector('input[name="_csrf"]');
    var queue = [];
    var busy = false;

    function update(answer) {
      var row = document.querySelector('tr[data-product-id="' + answer.product_id + '"]');
      if (row) {
        var input = row.querySelector('input[name="count_quantity"]');
        if (input) {
          input.value = answer.counted;
        }
        var difference = row.cells[row.cells.length - 1];
        difference.textContent = answer.difference;
        difference.classList.toggle('negative', answer.negative);
        flash(row, 'scan-hit');
      }
      if (progress) {
        progress.textContent = answer.progress;
      }
      accept(field, error, status, answer.message);
    }

    // One scan at a time, in the order they were made.
    function next() {
      if (busy || !queue.length) {
        return;
      }
      busy = true;
      var body = new URLSearchParams();
      body.append('_csrf', csrf ? csrf.value : '');
      body.append('barcode', queue.shift());
      fetch(form.action, {
        method: 'POST',
        headers: { Accept: 'application/json' },
        body: body,
        credentials: 'same-origin'
      })
        .then(function (response) {
          var json = (response.headers.get('Content-Type') || '').indexOf('application/json') === 0;
          if (response.redirected || !json) {
            // Signed out: reloading leads to the login page, which comes back here.
            queue = [];
            window.location.reload();
            return;
          }
          return response.json().then(function (answer) {
            if (response.ok) {
              update(answer);
            } else {
              refuse(field, error, (answer.error && answer.error.message) || form.getAttribute('data-failed'));
            }
          });
        })
        .catch(function () {
          refuse(field, error, form.getAttribute('data-failed'));
        })
        .then(function () {
          busy = false;
          next();
        });
    }

    onScan(field, function (code) {
      queue.push(code);
      next();
    });
    // The form only scans: never sent, even empty.
    form.addEventListener('submit', function (event) {
      event.preventDefault();
    });
  }

  var receiveField = document.getElementById('receive-scan');
  if (receiveField && receiveField.form) {
    receiving(receiveField);
  }
  var countField = document.getElementById('stocktake-scan');
  if (countField && countField.form && window.fetch) {
    stocktake(countField);
  }
})();
