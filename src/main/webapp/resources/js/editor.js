/*
 * Resource editor: the pin of the resource on a map. It starts where the address was geocoded (the
 * town's point) or where it was saved; dragging it or clicking the map puts the exact door into
 * the hidden lat/lon fields. 「掲載をやめる」 asks once more before archiving.
 */
(function () {
    'use strict';
    var box = document.getElementById('pin-map');
    var lat = document.getElementById('editor:lat');
    var lon = document.getElementById('editor:lon');
    if (box && lat && lon && typeof L !== 'undefined') {
        var la = parseFloat(lat.value), lo = parseFloat(lon.value);
        var has = !isNaN(la) && !isNaN(lo);
        var map = L.map(box).setView(has ? [la, lo] : [35.68, 139.76], has ? 16 : 10);
        var attribution = document.createElement('a');
        attribution.href = box.dataset.attributionUrl;
        attribution.textContent = box.dataset.attribution;
        L.tileLayer(box.dataset.tiles, { maxZoom: 18, attribution: attribution.outerHTML }).addTo(map);
        var marker = null;
        function place(latlng) {
            if (!marker) {
                marker = L.marker(latlng, { draggable: true, keyboard: true }).addTo(map);
                marker.on('dragend', function () { place(marker.getLatLng()); });
            }
            marker.setLatLng(latlng);
            lat.value = latlng.lat.toFixed(6);
            lon.value = latlng.lng.toFixed(6);
        }
        if (has) {
            place(L.latLng(la, lo));
        }
        map.on('click', function (e) { place(e.latlng); });
    }
    document.querySelectorAll('[data-confirm]').forEach(function (button) {
        button.addEventListener('click', function (e) {
            if (!window.confirm(button.dataset.confirm)) {
                e.preventDefault();
            }
        });
    });
}());
