/*
 * Partner report form, progressive: without JavaScript the address field does the job.
 * 「現在地を使う」 and 「地図で場所を選ぶ」 fill the hidden lat/lon fields; the send button is
 * disabled after the first tap (the idempotency key protects the server side as well).
 */
(function () {
    'use strict';
    function field(name) {
        return document.getElementById('report:' + name);
    }
    function located(lat, lon) {
        field('lat').value = lat.toFixed(6);
        field('lon').value = lon.toFixed(6);
        var note = document.getElementById('located');
        var box = document.getElementById('pick-map');
        if (note && box) {
            note.textContent = box.dataset.located;
        }
    }
    var locate = document.getElementById('locate');
    if (locate && navigator.geolocation) {
        locate.hidden = false;
        locate.addEventListener('click', function () {
            navigator.geolocation.getCurrentPosition(function (p) {
                located(p.coords.latitude, p.coords.longitude);
            }, function () {
                window.alert(locate.dataset.failed);
            }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
        });
    }
    var pick = document.getElementById('pick');
    var box = document.getElementById('pick-map');
    if (pick && box && typeof L !== 'undefined' && box.dataset.lat) {
        pick.hidden = false;
        var map = null, marker = null;
        pick.addEventListener('click', function () {
            box.hidden = false;
            if (map) {
                return;
            }
            var lat = parseFloat(field('lat').value || box.dataset.lat);
            var lon = parseFloat(field('lon').value || box.dataset.lon);
            map = L.map(box).setView([lat, lon], 15);
            var attribution = document.createElement('a');
            attribution.href = box.dataset.attributionUrl;
            attribution.textContent = box.dataset.attribution;
            L.tileLayer(box.dataset.tiles, { maxZoom: 18, attribution: attribution.outerHTML }).addTo(map);
            map.on('click', function (e) {
                if (marker) {
                    marker.setLatLng(e.latlng);
                } else {
                    marker = L.marker(e.latlng).addTo(map);
                }
                located(e.latlng.lat, e.latlng.lng);
            });
        });
    }
    document.querySelectorAll('form').forEach(function (form) {
        form.addEventListener('submit', function (e) {
            var button = e.submitter;
            if (button && button.classList.contains('once')) {
                if (form.dataset.sent) {
                    e.preventDefault();
                    return;
                }
                form.dataset.sent = 'yes';
                // disabling in the same tick would drop the button's own name from the post
                window.setTimeout(function () { button.disabled = true; }, 0);
            }
        });
    });
}());
