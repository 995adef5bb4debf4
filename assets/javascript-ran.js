// Tells the service with each form posted that the page's JavaScript ran (a KPI: docs/kpis.md).
for (const form of document.querySelectorAll('form[method="post"]')) {
  form.insertAdjacentHTML('beforeend', '<input type="hidden" name="_js" value="1">');
}
