/*
 * 一括取込: while a large file is checked or imported in the background, the page asks for the job's
 * progress every three seconds by pressing its own 「最新の状態にする」 button (without JavaScript, staff
 * press it themselves). The page reloads when the job ended, showing the report.
 */
(function () {
    'use strict';
    var job = document.getElementById('progress:job');
    var refresh = document.getElementById('progress:refresh');
    if (job && refresh && job.dataset.running === 'true') {
        window.setTimeout(function () {
            refresh.click();
        }, 3000);
    }
}());
