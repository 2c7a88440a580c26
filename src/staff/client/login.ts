/**
 * The login page: carries the URL fragment (a shared case, `#profile=…`) through the login, which a form post
 * would otherwise lose.
 */
const hash = document.getElementById('login-hash');
if (hash instanceof HTMLInputElement) hash.value = location.hash;
