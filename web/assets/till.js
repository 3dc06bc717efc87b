// The till: scan, sell, pay, print. Talks to the JSON API with the browser's
// session and the page's CSRF token. No framework, no build step.
//
// Scans: a scanner types digits then Enter into the focused field. Each Enter
// is handled on its own keydown, the field read and cleared at once, so fast
// scans are never lost, split or merged; lookups run one after another from a
// queue, so lines keep the order of the scans.
(function () {
  'use strict';
  var root = document.getElementById('till');
  if (!root) { return; }
  var T = JSON.parse(document.getElementById('till-text').textContent);
  var till = root.dataset.till;
  var csrf = root.dataset.csrf;
  var printMode = root.dataset.printMode;
  var emailOn = root.dataset.email === '1';
  var cardPrefix = root.dataset.cardPrefix || '';
  var $ = function (id) { return document.getElementById(id); };
  var scan = $('scan');
  var linesEl = $('lines');
  var message = $('till-message');

  var lines = [];        // {product_id, barcode, label, unit, unitPrice, qty, priceOverride, discount, pending, weigh}
  var payments = [];     // {method, amount}
  var ticketDiscount = null;
  var multiplier = null; // thousandths
  var training = false;
  var approval = null;
  var customer = null;   // the card scanned for this sale: {number, name, points, points_value}
  var saleId = uuid();
  var lookups = Promise.resolve();
  var cache = {};
  var busy = false;

  // ---- numbers: integer cents and thousandths, rounded half away from zero
  function divRound(n, d) {
    var sign = (n < 0) !== (d < 0) ? -1 : 1;
    var q = Math.floor((Math.abs(n) + Math.floor(Math.abs(d) / 2)) / Math.abs(d));
    return q === 0 ? 0 : sign * q;
  }
  function parseFixed(text, places) {
    var t = String(text).trim().replace(/\s|\u00a0|€|%/g, '').replace(',', '.');
    if (!/^-?\d+(\.\d+)?$/.test(t)) { return null; }
    var parts = t.split('.');
    var frac = (parts[1] || '');
    if (frac.length > places) { return null; }
    while (frac.length < places) { frac += '0'; }
    var v = parseInt(parts[0].replace('-', ''), 10) * Math.pow(10, places) + (frac ? parseInt(frac, 10) : 0);
    return t.charAt(0) === '-' ? -v : v;
  }
  function euros(cents) {
    var neg = cents < 0; var c = Math.abs(cents);
    var units = String(Math.floor(c / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
    return (neg ? '-' : '') + units + ',' + String(c % 100).padStart(2, '0') + '\u00a0€';
  }
  function apiMoney(cents) {
    var neg = cents < 0; var c = Math.abs(cents);
    return (neg ? '-' : '') + Math.floor(c / 100) + '.' + String(c % 100).padStart(2, '0');
  }
  function apiQty(th) { return (th / 1000).toFixed(3); }
  function frenchQty(th, unit) {
    var text = unit === 'piece' ? String(th / 1000) : (th / 1000).toFixed(3).replace('.', ',');
    return text.replace('.', ',') + (unit === 'piece' ? '' : '\u00a0' + unit);
  }
  function tf(key, args) {
    var text = T[key] || key;
    Object.keys(args || {}).forEach(function (k) { text = text.split('{' + k + '}').join(args[k]); });
    return text;
  }
  function uuid() {
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return x.toString(16).padStart(2, '0'); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }
  function esc(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  // ---- the API
  function api(method, path, body) {
    return fetch('/api/v1' + path, {
      method: method,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-CSRF-Token': csrf },
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (r) {
      return r.json().catch(function () { return null; }).then(function (data) {
        return { status: r.status, ok: r.ok, data: data };
      });
    });
  }
  function errorText(res) {
    return res.data && res.data.error ? res.data.error.message : 'HTTP ' + res.status;
  }
  function say(text, kind) {
    message.textContent = text || '';
    message.className = 'till-message' + (text ? ' ' + (kind || 'error') : '');
    if (text && (kind || 'error') === 'error') {
      scan.classList.remove('shake'); void scan.offsetWidth; scan.classList.add('shake');
    }
  }

  // ---- totals, as the server computes them
  function gross(l) {
    return l.priceOverride !== null ? l.priceOverride : divRound(l.unitPrice * l.qty, 1000);
  }
  function off(d, amount) {
    if (!d) { return 0; }
    return d.kind === 'percent' ? divRound(amount * d.value, 10000) : Math.min(d.value, amount);
  }
  function net(l) { var g = gross(l); return g - off(l.discount, g); }
  function subtotal() { return lines.reduce(function (s, l) { return s + (l.pending ? 0 : net(l)); }, 0); }
  function total() { var s = subtotal(); return s - off(ticketDiscount, s); }
  function paid() { return payments.reduce(function (s, p) { return s + p.amount; }, 0); }

  function render() {
    linesEl.innerHTML = lines.map(function (l, i) {
      if (l.pending) {
        return '<tr class="pending"><td colspan="4">' + esc(l.barcode) + '…</td></tr>';
      }
      var disc = l.discount ? '<div class="line-discount">' + esc(discountLabel(l.discount)) + '</div>' : '';
      var qty = frenchQty(l.qty, l.unit) + (l.weigh ? ' <em>(' + esc(T.weight) + ')</em>' : '');
      return '<tr data-index="' + i + '"><td class="label">' + esc(l.label) + disc + '</td>' +
        '<td class="qty"><button type="button" class="link" data-act="qty">' + qty + '</button> × ' + euros(l.unitPrice) + '</td>' +
        '<td class="num">' + euros(net(l)) + '</td>' +
        '<td class="acts"><button type="button" class="button small" data-act="discount" title="' + esc(T.lineDiscount) + '">%</button>' +
        '<button type="button" class="button button-danger small" data-act="remove" title="' + esc(T.remove) + '">×</button></td></tr>';
    }).join('');
    $('total').textContent = euros(total());
    $('ticket-discount-row').textContent = ticketDiscount ? T.ticketDiscount + ' ' + discountLabel(ticketDiscount) : '';
    $('payments').innerHTML = payments.map(function (p, i) {
      return '<li>' + esc(T['method_' + p.method]) + ' ' + euros(p.amount) +
        ' <button type="button" class="button button-danger small" data-pay="' + i + '">×</button></li>';
    }).join('');
    var due = total() - paid();
    $('due-label').textContent = due < 0 ? T.change : T.toPay;
    $('due').textContent = euros(Math.abs(due));
    $('due').className = due < 0 ? 'change' : '';
    $('pay-amount').placeholder = due > 0 ? apiMoney(due).replace('.', ',') : '';
    var ready = lines.length > 0 && !lines.some(function (l) { return l.pending || l.weigh; }) && due <= 0;
    $('complete').disabled = !ready;
    $('customer').hidden = customer === null;
    $('card-pdf').hidden = customer === null;
    if (customer !== null) { $('card-pdf').href = '/cards/' + encodeURIComponent(customer.number) + '/pdf'; }
    $('customer-text').textContent = customer === null ? '' : tf('customer', {
      name: customer.name, card: customer.number, points: customer.points,
      value: euros(parseFixed(customer.points_value, 2))
    });
    $('multiplier').hidden = multiplier === null;
    $('multiplier').textContent = multiplier === null ? '' : tf('multiplier', { value: String(multiplier / 1000).replace('.', ',') });
  }
  function discountLabel(d) {
    return d.kind === 'percent' ? '-' + String(d.value / 100).replace('.', ',') + '\u00a0%' : '-' + euros(d.value);
  }

  // ---- scanning and searching
  function productLine(p, code, mult) {
    var unitPrice = parseFixed(p.price, 2);
    var line = { product_id: p.id, barcode: null, label: p.name, unit: p.unit, unitPrice: unitPrice,
      qty: 1000, priceOverride: null, discount: null, pending: false, weigh: false };
    if (p.scanned_quantity || p.scanned_price) {
      // A scale label: its own line, sent back as scanned.
      line.barcode = code;
      if (p.scanned_quantity) { line.qty = parseFixed(p.scanned_quantity, 3); }
      if (p.scanned_price) {
        line.priceOverride = parseFixed(p.scanned_price, 2);
        line.qty = p.unit === 'piece' ? 1000 : divRound(line.priceOverride * 1000, Math.max(unitPrice, 1));
      }
      return line;
    }
    if (mult !== null) { line.qty = mult; } else if (p.unit !== 'piece') { line.weigh = true; }
    return line;
  }
  function place(index, line) {
    // A repeat scan of a plain product adds to its line.
    if (!line.barcode && !line.weigh) {
      for (var i = 0; i < lines.length; i++) {
        var l = lines[i];
        if (i !== index && !l.pending && !l.barcode && !l.weigh && !l.discount && l.product_id === line.product_id) {
          l.qty += line.qty;
          lines.splice(index, 1);
          return;
        }
      }
    }
    lines[index] = line;
  }
  function addScan(code, mult) {
    var pending = { pending: true, barcode: code };
    lines.push(pending);
    render();
    lookups = lookups.then(function () {
      var known = cache[code];
      var found = known ? Promise.resolve(known) : api('GET', '/products?barcode=' + encodeURIComponent(code)).then(function (res) {
        if (!res.ok) { throw new Error(errorText(res)); }
        var p = res.data.items[0] || null;
        if (p && !p.scanned_quantity && !p.scanned_price) { cache[code] = p; }
        return p;
      });
      return found.then(function (p) {
        var index = lines.indexOf(pending);
        if (index < 0) { return; }
        if (!p) {
          lines.splice(index, 1);
          say(tf('unknown', { code: code }));
        } else {
          place(index, productLine(p, code, mult));
        }
        render();
      });
    }).catch(function (e) {
      var index = lines.indexOf(pending);
      if (index >= 0) { lines.splice(index, 1); }
      say(e.message || T.offline);
      render();
    });
  }
  function search(text) {
    var mult = multiplier; multiplier = null;
    api('GET', '/products?limit=12&q=' + encodeURIComponent(text)).then(function (res) {
      var list = $('search-results');
      if (!res.ok) { say(errorText(res)); return; }
      var items = res.data.items;
      if (!items.length) { say(tf('noMatch', { text: text })); list.hidden = true; return; }
      list.innerHTML = items.map(function (p, i) {
        return '<li><button type="button" class="button" data-result="' + i + '">' + esc(p.name) + ' — ' +
          euros(parseFixed(p.price, 2)) + '</button></li>';
      }).join('');
      list.hidden = false;
      list.onclick = function (e) {
        var b = e.target.closest('[data-result]');
        if (!b) { return; }
        lines.push(productLine(items[+b.dataset.result], null, mult));
        place(lines.length - 1, lines[lines.length - 1]);
        list.hidden = true;
        render();
        scan.focus();
      };
    });
  }
  // ---- the loyalty card: scanned like goods, it names the customer of the sale
  function attachCard(number) {
    api('GET', '/cards/' + encodeURIComponent(number)).then(function (res) {
      if (res.status === 404) { say(T.newCard, 'info'); enrol(number); return; }
      if (!res.ok) { say(errorText(res)); return; }
      customer = res.data;
      render();
    }, function () { say(T.offline); });
  }
  $('detach').addEventListener('click', function () { customer = null; render(); focusScan(); });

  // Enrolment at checkout: a card, a name, an e-mail or a phone, the consent
  // boxes unticked; the new customer is attached to the sale under way.
  function enrol(card) {
    var dialog = $('ask-dialog');
    var field = function (name, label, type, value) {
      return '<label>' + esc(label) + '<input name="' + name + '" type="' + type + '" autocomplete="off" value="' + esc(value || '') + '"></label>';
    };
    dialog.innerHTML = '<form method="dialog"><h2>' + esc(T.enrol) + '</h2>' +
      field('card', T.enrolCard, 'text', card) + field('first_name', T.firstName, 'text') +
      field('last_name', T.lastName, 'text') + field('email', T.emailField, 'email') + field('phone', T.phone, 'tel') +
      '<p class="hint">' + esc(T.enrolHint) + '</p>' +
      ['email', 'sms', 'post'].map(function (c) {
        return '<label class="consent"><input type="checkbox" name="consent_' + c + '"> ' + esc(T['consent_' + c]) + '</label>';
      }).join('') +
      '<p class="ask-error" role="alert"></p><p><button class="button" value="ok">' + esc(T.enrolSubmit) +
      '</button> <button type="button" class="button button-secondary" id="ask-cancel">' + esc(T.close) + '</button></p></form>';
    var form = dialog.querySelector('form');
    $('ask-cancel').onclick = function () { dialog.close(); focusScan(); };
    form.onsubmit = function (e) {
      e.preventDefault();
      var v = function (name) { return form.elements[name].value.trim(); };
      var body = {
        first_name: v('first_name'), last_name: v('last_name'), at_till: true,
        email: v('email') || null, phone: v('phone') || null, card_number: v('card') || null,
        consents: { email: form.elements.consent_email.checked, sms: form.elements.consent_sms.checked, post: form.elements.consent_post.checked }
      };
      api('POST', '/customers', body).then(function (res) {
        if (!res.ok) { dialog.querySelector('.ask-error').textContent = errorText(res); return; }
        var c = res.data;
        customer = { number: c.card_number, customer_id: c.id, name: [c.first_name, c.last_name].filter(Boolean).join(' '), points: c.points, points_value: '0.00' };
        dialog.close();
        render();
        focusScan();
      }, function () { dialog.querySelector('.ask-error').textContent = T.offline; });
    };
    dialog.showModal();
    form.elements[card ? 'first_name' : 'card'].focus();
  }
  $('enrol').addEventListener('click', function () { enrol(''); });

  function entry(raw) {
    say('');
    $('search-results').hidden = true;
    if (!raw) { return; }
    if (cardPrefix && /^[0-9]{13}$/.test(raw) && raw.indexOf(cardPrefix) === 0) {
      attachCard(raw);
    } else if (/^[0-9]{4,}$/.test(raw)) {
      var mult = multiplier; multiplier = null;
      addScan(raw, mult);
    } else {
      search(raw);
    }
  }
  scan.addEventListener('keydown', function (e) {
    if (e.key === 'Enter') {
      e.preventDefault();
      var raw = scan.value.trim();
      scan.value = '';
      entry(raw);
    } else if ((e.key === '*' || e.key === 'x' || e.key === 'X') && /^\d+([.,]\d{1,3})?$/.test(scan.value.trim())) {
      e.preventDefault();
      var q = parseFixed(scan.value, 3);
      scan.value = '';
      if (q > 0) { multiplier = q; } else { say(tf('badQuantity', { text: '0' })); }
      render();
    } else if (e.key === 'Escape') {
      scan.value = ''; multiplier = null; render();
    }
  });
  // The scan field takes back the focus whenever nothing else needs it.
  document.addEventListener('click', function (e) {
    if (!e.target.closest('input, select, textarea, dialog')) { setTimeout(function () { focusScan(); }, 0); }
  });
  // Keys typed while nothing has the focus go to the scan field; a scan while
  // the last sale's summary shows starts the next sale with it.
  document.addEventListener('keydown', function (e) {
    var a = document.activeElement;
    var typing = a && (a.tagName === 'INPUT' || a.tagName === 'TEXTAREA' || a.tagName === 'SELECT');
    var printable = e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey;
    if (printable && !typing && $('done-dialog').open) { newSale(); return; }
    if (printable && !typing && !anyDialogOpen()) { scan.focus(); }
  }, true);
  function anyDialogOpen() { return !!document.querySelector('dialog[open]'); }
  function focusScan() { if (!anyDialogOpen()) { scan.focus(); } }

  // ---- lines: quantity, discount, removal
  linesEl.addEventListener('click', function (e) {
    var b = e.target.closest('[data-act]');
    if (!b) { return; }
    var i = +b.closest('tr').dataset.index;
    var l = lines[i];
    if (b.dataset.act === 'remove') { lines.splice(i, 1); render(); }
    if (b.dataset.act === 'qty') {
      ask(frenchQty(l.qty, l.unit), [{ name: 'q', label: l.label, value: '' }], function (v) {
        var q = parseFixed(v.q, 3);
        if (q === null || q <= 0 || (l.unit === 'piece' && q % 1000 !== 0)) { return tf('badQuantity', { text: v.q }); }
        l.qty = q; l.weigh = false; render(); return null;
      });
    }
    if (b.dataset.act === 'discount') {
      ask(T.lineDiscount, [{ name: 'd', label: T.discount, value: '' }], function (v) {
        var d = parseDiscount(v.d);
        if (d === undefined) { return tf('badDiscount', { text: v.d }); }
        l.discount = d; render(); return null;
      });
    }
  });
  function parseDiscount(text) {
    var t = String(text).trim();
    if (!t) { return null; }
    var value = parseFixed(t, 2);
    if (value === null || value < 0) { return undefined; }
    return /%$/.test(t) ? { kind: 'percent', value: value } : { kind: 'amount', value: value };
  }
  $('ticket-discount').addEventListener('click', function () {
    ask(T.ticketDiscount, [{ name: 'd', label: T.discount, value: '' }], function (v) {
      var d = parseDiscount(v.d);
      if (d === undefined) { return tf('badDiscount', { text: v.d }); }
      ticketDiscount = d; render(); return null;
    });
  });

  // ---- payments
  document.querySelector('.pay-methods').addEventListener('click', function (e) {
    var b = e.target.closest('[data-method]');
    if (!b) { return; }
    var field = $('pay-amount');
    var due = total() - paid();
    var amount = field.value.trim() ? parseFixed(field.value, 2) : due;
    if (amount === null || amount <= 0) { say(tf('badQuantity', { text: field.value })); return; }
    if (b.dataset.method === 'loyalty' && customer === null) { say(T.needCard); return; }
    if (b.dataset.method !== 'cash' && amount > due) {
      say(tf('changeCashOnly', { amount: euros(Math.max(due, 0)) }));
      return;
    }
    payments.push({ method: b.dataset.method, amount: amount });
    field.value = '';
    say('');
    render();
    focusScan();
  });
  $('payments').addEventListener('click', function (e) {
    var b = e.target.closest('[data-pay]');
    if (b) { payments.splice(+b.dataset.pay, 1); render(); }
  });

  // ---- completing the sale (the same id is resent after a lost answer)
  function saleBody() {
    var body = {
      id: saleId, till: till, training: training,
      lines: lines.map(function (l) {
        var line = l.barcode ? { barcode: l.barcode } : { product_id: l.product_id, quantity: apiQty(l.qty) };
        if (l.discount) { addDiscount(line, l.discount); }
        return line;
      }),
      payments: payments.map(function (p) { return { method: p.method, amount: apiMoney(p.amount) }; })
    };
    if (ticketDiscount) { addDiscount(body, ticketDiscount); }
    if (approval) { body.approval = approval; }
    if (customer) { body.customer_card = customer.number; }
    return body;
  }
  function addDiscount(target, d) {
    if (d.kind === 'percent') { target.discount_percent = apiMoney(d.value); } else { target.discount_amount = apiMoney(d.value); }
  }
  function complete() {
    if (busy || $('complete').disabled) { return; }
    busy = true;
    $('complete').disabled = true;
    api('POST', '/sales', saleBody()).then(function (res) {
      busy = false;
      if (res.ok) { done(res.data); return; }
      say(errorText(res));
      if (res.status === 403 && !approval) {
        askApproval(complete);
      } else {
        // A refused PIN is asked again on the next try.
        approval = null;
      }
      render();
    }, function () {
      busy = false;
      offline(complete);
      render();
    });
  }
  $('complete').addEventListener('click', complete);
  function offline(retry) {
    say(T.offline);
    var b = document.createElement('button');
    b.type = 'button'; b.className = 'button'; b.textContent = T.retry;
    b.onclick = function () { say(''); retry(); };
    message.appendChild(document.createTextNode(' '));
    message.appendChild(b);
  }
  function askApproval(then) {
    ask(T.approvalTitle, [{ name: 'u', label: T.approvalUser, value: '' }, { name: 'p', label: T.approvalPin, value: '', secret: true }], function (v) {
      approval = { username: v.u, pin: v.p };
      setTimeout(then, 0);
      return null;
    });
  }

  function done(ticket) {
    var dialog = $('done-dialog');
    var change = parseFixed(ticket.change, 2);
    dialog.innerHTML = '<h2>' + esc(tf('done', { number: ticket.number })) + '</h2>' +
      (ticket.training ? '<p class="training-banner">FORMATION</p>' : '') +
      (ticket.points_earned !== null && ticket.points_earned !== undefined ?
        '<p id="points-earned">' + esc(tf('pointsEarned', { earned: ticket.points_earned, balance: ticket.points_balance })) + '</p>' : '') +
      (change > 0 ? '<p class="big-change">' + esc(T.change) + ' <output id="change-given">' + euros(change) + '</output></p>' : '') +
      '<p id="done-message" role="status"></p>' +
      '<p>' + (printMode === 'ask' ? esc(T.askPrint) + ' ' : '') +
      '<button type="button" class="button primary" id="do-print">' + esc(T.print) + '</button> ' +
      '<button type="button" class="button button-secondary" id="no-print">' + esc(T.noPrint) + '</button></p>' +
      (emailOn ? '<p><input type="email" id="email-to" placeholder="' + esc(T.emailPlaceholder) + '"> ' +
        '<button type="button" class="button" id="do-email">' + esc(T.emailSend) + '</button></p>' : '') +
      '<p><button type="button" class="button primary" id="new-sale">' + esc(T.newSale) + '</button></p>';
    dialog.showModal();
    var note = $('done-message');
    function print() {
      note.textContent = '…';
      api('POST', '/sales/' + ticket.id + '/print').then(function (res) {
        if (res.ok) { note.textContent = T.printed; $('do-print').textContent = T.reprint; }
        else { note.textContent = errorText(res); $('do-print').textContent = T.reprint; }
      }, function () { note.textContent = T.offline; });
    }
    $('do-print').onclick = print;
    $('no-print').onclick = newSale;
    $('new-sale').onclick = newSale;
    if ($('do-email')) {
      $('do-email').onclick = function () {
        api('POST', '/sales/' + ticket.id + '/email', { address: $('email-to').value }).then(function (res) {
          note.textContent = res.ok ? T.emailSent : errorText(res);
        });
      };
    }
    if (printMode === 'always') { print(); }
    $('new-sale').focus();
  }
  function reset() {
    lines = []; payments = []; ticketDiscount = null; multiplier = null; approval = null; customer = null;
    saleId = uuid();
    say('');
    render();
  }
  function newSale() {
    var dialog = $('done-dialog');
    if (dialog.open) { dialog.close(); }
    reset();
    scan.focus();
  }
  $('cancel').addEventListener('click', function () { reset(); focusScan(); });

  // ---- training mode
  $('training-toggle').addEventListener('click', function () {
    training = !training;
    this.setAttribute('aria-pressed', String(training));
    root.classList.toggle('training', training);
    $('training-banner').hidden = !training;
    focusScan();
  });

  // ---- tickets on hold
  $('hold').addEventListener('click', function () {
    if (!lines.length) { return; }
    var basket = { lines: lines.filter(function (l) { return !l.pending; }), ticketDiscount: ticketDiscount, customer: customer };
    api('POST', '/tills/' + encodeURIComponent(till) + '/held', { basket: basket }).then(function (res) {
      if (res.ok) { reset(); say(res.data.label, 'info'); } else { say(errorText(res)); }
      focusScan();
    });
  });
  $('resume').addEventListener('click', function () {
    if (lines.length) { say(T.busy); return; }
    api('GET', '/tills/' + encodeURIComponent(till) + '/held').then(function (res) {
      if (!res.ok) { say(errorText(res)); return; }
      var items = res.data.items;
      if (!items.length) { say(T.heldNone, 'info'); return; }
      var dialog = $('ask-dialog');
      dialog.innerHTML = '<h2>' + esc(T.hold) + '</h2><ul class="held-list">' + items.map(function (h, i) {
        return '<li><button type="button" class="button" data-held="' + i + '">' + esc(h.label) + '</button></li>';
      }).join('') + '</ul><p><button type="button" class="button" id="ask-cancel">' + esc(T.close) + '</button></p>';
      dialog.showModal();
      $('ask-cancel').onclick = function () { dialog.close(); focusScan(); };
      dialog.querySelector('.held-list').onclick = function (e) {
        var b = e.target.closest('[data-held]');
        if (!b) { return; }
        var held = items[+b.dataset.held];
        api('POST', '/held/' + held.id + '/take').then(function (r) {
          dialog.close();
          if (!r.ok) { say(errorText(r)); return; }
          var basket = r.data.basket || {};
          lines = basket.lines || [];
          ticketDiscount = basket.ticketDiscount || null;
          customer = basket.customer || null;
          render();
          focusScan();
        });
      };
    });
  });

  // ---- returns: the original ticket by its barcode, quantities to give back
  $('refund').addEventListener('click', function () {
    ask(T.refundTicket, [{ name: 'r', label: T.refundTicket, value: '' }], function (v) {
      var ref = v.r.trim();
      if (!ref) { return null; }
      api('GET', '/sales/' + encodeURIComponent(ref)).then(function (res) {
        if (!res.ok) { say(errorText(res)); return; }
        refundDialog(res.data);
      });
      return null;
    });
  });
  // Without the receipt: the goods scanned into the basket go back, paid back
  // in cash; a manager's PIN is always asked.
  var blindId = null;
  $('refund-blind').addEventListener('click', function blind() {
    if (!lines.length || lines.some(function (l) { return l.pending || l.weigh; })) { return; }
    blindId = blindId || uuid();
    var body = { id: blindId, till: till, training: training, method: 'cash', lines: saleBody().lines };
    if (approval) { body.approval = approval; }
    api('POST', '/refunds', body).then(function (res) {
      if (res.ok) { blindId = null; done(res.data); return; }
      say(errorText(res));
      if (res.status === 403 && !approval) { askApproval(blind); } else { approval = null; }
    }, function () { offline(blind); });
  });

  function refundDialog(ticket) {
    var dialog = $('ask-dialog');
    var refundId = uuid();
    var refundApproval = null;
    dialog.innerHTML = '<h2>' + esc(tf('done', { number: ticket.number })) + '</h2><p>' + esc(T.refundLines) + '</p>' +
      '<table class="refund-lines">' + ticket.lines.map(function (l, i) {
        return '<tr><td>' + esc(l.label) + '</td><td>' + esc(l.quantity) + '</td><td><input type="text" inputmode="decimal" size="6" data-line="' + i + '" value="0"></td></tr>';
      }).join('') + '</table><p><label>' + esc(T.refundMethod) + ' <select id="refund-method">' +
      ['cash', 'card', 'cheque', 'voucher'].map(function (m) { return '<option value="' + m + '">' + esc(T['method_' + m]) + '</option>'; }).join('') +
      '</select></label></p><p id="refund-message" role="alert"></p><p><button type="button" class="button primary" id="refund-go">' + esc(T.refundSubmit) + '</button> ' +
      '<button type="button" class="button" id="refund-cancel">' + esc(T.close) + '</button></p>';
    dialog.showModal();
    $('refund-cancel').onclick = function () { dialog.close(); focusScan(); };
    $('refund-go').onclick = function go() {
      var asked = [];
      var bad = null;
      dialog.querySelectorAll('[data-line]').forEach(function (input) {
        var q = parseFixed(input.value || '0', 3);
        if (q === null || q < 0) { bad = input.value; return; }
        if (q > 0) { asked.push({ line_id: ticket.lines[+input.dataset.line].line_id, quantity: apiQty(q) }); }
      });
      if (bad !== null) { $('refund-message').textContent = tf('badQuantity', { text: bad }); return; }
      if (!asked.length) { return; }
      var body = { id: refundId, lines: asked, method: $('refund-method').value, till: till };
      if (refundApproval) { body.approval = refundApproval; }
      api('POST', '/sales/' + ticket.id + '/refund', body).then(function (res) {
        if (res.ok) {
          dialog.close();
          say(tf('refundDone', { number: res.data.number, total: euros(parseFixed(res.data.total, 2)) }), 'info');
          done(res.data);
          return;
        }
        $('refund-message').textContent = errorText(res);
        if (res.status === 403 && !refundApproval) {
          var u = prompt(T.approvalUser);
          var p = u ? prompt(T.approvalPin) : null;
          if (u && p) { refundApproval = { username: u, pin: p }; go(); }
        }
      });
    };
  }

  // ---- a small form in a dialog: fields, OK, Close; `check` returns an error or null
  function ask(title, fields, check) {
    var dialog = $('ask-dialog');
    dialog.innerHTML = '<form method="dialog"><h2>' + esc(title) + '</h2>' + fields.map(function (f) {
      return '<label>' + esc(f.label) + '<input name="' + f.name + '" type="' + (f.secret ? 'password' : 'text') +
        '" autocomplete="off" value="' + esc(f.value) + '"></label>';
    }).join('') + '<p class="ask-error" role="alert"></p><p><button class="button primary" value="ok">' + esc(T.ok) +
      '</button> <button type="button" class="button" id="ask-cancel">' + esc(T.close) + '</button></p></form>';
    var form = dialog.querySelector('form');
    form.onsubmit = function (e) {
      e.preventDefault();
      var values = {};
      fields.forEach(function (f) { values[f.name] = form.elements[f.name].value; });
      var error = check(values);
      if (error) { dialog.querySelector('.ask-error').textContent = error; return; }
      dialog.close();
      focusScan();
    };
    $('ask-cancel').onclick = function () { dialog.close(); focusScan(); };
    dialog.showModal();
    form.elements[fields[0].name].focus();
  }

  document.addEventListener('keydown', function (e) {
    if (e.key === 'F10') { e.preventDefault(); complete(); }
    var d = $('done-dialog');
    if (e.key === 'Enter' && d.open && document.activeElement && document.activeElement.id !== 'email-to') {
      e.preventDefault(); newSale();
    }
  });
  render();
  scan.focus();
}());
