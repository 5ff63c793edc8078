// Turns selects marked data-module="app-autocomplete" into accessible-autocomplete inputs:
// type part of a school's name, URN or UKPRN and choose from the matches.
document.querySelectorAll('select[data-module="app-autocomplete"]').forEach((select) => {
  window.accessibleAutocomplete.enhanceSelectElement({
    selectElement: select,
    defaultValue: "",
    showAllValues: false,
    minLength: 2,
    dropdownArrow: () => "",
  });
});
