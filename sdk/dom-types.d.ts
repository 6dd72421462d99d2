// The generated fetch client names the DOM's BodyInit; on Node the fetch types come from undici.
type BodyInit = import('undici-types').BodyInit;
