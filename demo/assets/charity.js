// Dark by default; the toggle switches the page and every CareCircle widget's `theme` attribute.
const toggle = document.getElementById('mode-toggle');
const widgets = () => document.querySelectorAll('care-hashtag-feed, care-support-groups, care-chat-schedule');

function apply(dark) {
  document.documentElement.classList.toggle('light', !dark);
  toggle.setAttribute('aria-pressed', String(dark));
  for (const el of widgets()) el.setAttribute('theme', dark ? 'dark' : 'light');
  try {
    localStorage.setItem('riverlight-mode', dark ? 'dark' : 'light');
  } catch {
    /* private mode: the choice just is not remembered */
  }
}

let stored = null;
try {
  stored = localStorage.getItem('riverlight-mode');
} catch {
  /* ignore */
}
apply(stored !== 'light');
toggle.addEventListener('click', () => apply(toggle.getAttribute('aria-pressed') !== 'true'));
