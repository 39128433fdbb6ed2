window.__pwn && window.__pwn();
