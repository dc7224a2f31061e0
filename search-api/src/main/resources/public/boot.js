// The interface language lives in localStorage (never in the URL, whose parameters are exactly the API's).
// Set before the first paint (a blocking script in <head>, not inline: the page's CSP allows only its own files)
// so an English reader never sees the page flip.
try {
  if (localStorage.getItem('akhbar.ui-lang') === 'en') {
    document.documentElement.lang = 'en';
    document.documentElement.dir = 'ltr';
  }
} catch (e) { /* storage disabled: Arabic */ }
