import type { WebForm } from '../crm-types';

/** The address a page posts to, with this server's origin. */
export const submitUrl = (form: WebForm) => `${window.location.origin}${form.submitPath}`;

/** A form a website can paste as it is: it posts the entry with fetch and thanks the visitor. */
export function embedSnippet(
  form: WebForm,
  labels: Record<'name' | 'company' | 'email' | 'phone' | 'message' | 'send' | 'thanks', string>,
) {
  const id = `tandem-form-${form.publicKey.slice(-8)}`;
  return `<form id="${id}" action="${submitUrl(form)}" method="post">
  <input name="name" placeholder="${labels.name}" required>
  <input name="company" placeholder="${labels.company}">
  <input name="email" type="email" placeholder="${labels.email}">
  <input name="phone" type="tel" placeholder="${labels.phone}">
  <textarea name="message" placeholder="${labels.message}"></textarea>
  <input name="website" tabindex="-1" autocomplete="off" style="position:absolute;left:-9999px" aria-hidden="true">
  <button type="submit">${labels.send}</button>
</form>
<script>
  document.getElementById('${id}').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const body = Object.fromEntries(new FormData(form));
    const response = await fetch(form.action, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.ok) form.innerHTML = '<p>${labels.thanks}</p>';
  });
</script>`;
}
