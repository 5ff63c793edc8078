// The public Local Offer's progressive enhancements. Every page works without them.
//
// - Print buttons (hidden until this runs) print the page; the print stylesheet hides the rest.
// - Shortlist buttons add or remove a service without leaving the page, update the count in the
//   navigation and announce the change. If the request fails, the form is submitted normally.

function announce(text) {
  let region = document.getElementById("app-shortlist-status");
  if (!region) {
    region = document.createElement("div");
    region.id = "app-shortlist-status";
    region.className = "govuk-visually-hidden";
    region.setAttribute("role", "status");
    document.body.appendChild(region);
  }
  region.textContent = "";
  window.setTimeout(() => { region.textContent = text; }, 50);
}

function setCount(count) {
  for (const element of document.querySelectorAll("[data-shortlist-count]")) {
    const hidden = document.createElement("span");
    hidden.className = "govuk-visually-hidden";
    hidden.textContent = count === 1 ? " service" : " services";
    element.replaceChildren(`(${count}`, hidden, ")");
  }
}

function setButton(form, shortlisted) {
  const button = form.querySelector("button");
  const name = document.createElement("span");
  name.className = "govuk-visually-hidden";
  name.textContent = `${form.dataset.name} `;
  if (shortlisted) {
    button.replaceChildren("Remove ", name, "from shortlist");
    form.action = form.dataset.removeUrl;
  } else {
    button.replaceChildren("Add ", name, "to shortlist");
    form.action = form.dataset.addUrl;
  }
}

async function submitShortlist(event) {
  const form = event.target.closest("form[data-module='app-shortlist']");
  if (!form) return;
  event.preventDefault();
  try {
    const response = await fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    const answer = await response.json();
    if (!response.ok && !answer.message) throw new Error("shortlist request failed");
    setButton(form, answer.shortlisted);
    setCount(answer.count);
    if (answer.message) announce(answer.message);
  } catch {
    form.submit();
  }
}

document.addEventListener("submit", submitShortlist);

for (const button of document.querySelectorAll("[data-module='app-print']")) {
  button.addEventListener("click", () => window.print());
}
