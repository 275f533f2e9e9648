/*
 * 「現在地を使う」: asks the browser for the device location once, puts it into the form's hidden
 * lat/lon fields and searches nearest first. The location only travels in this request's URL;
 * the portal stores nothing. Without JavaScript or permission the address field does the job.
 */
(function () {
    'use strict';
    var button = document.getElementById('locate');
    if (!button || !navigator.geolocation) {
        return;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
        navigator.geolocation.getCurrentPosition(function (position) {
            var form = button.form;
            document.getElementById('lat').value = position.coords.latitude.toFixed(5);
            document.getElementById('lon').value = position.coords.longitude.toFixed(5);
            document.getElementById('near').value = '';
            if (!document.getElementById('radius').value) {
                document.getElementById('radius').value = '1';
            }
            document.getElementById('sort').value = 'distance';
            form.submit();
        }, function () {
            window.alert(button.dataset.failed);
        }, { timeout: 10000, maximumAge: 60000 });
    });
}());
