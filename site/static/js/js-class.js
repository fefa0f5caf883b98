// Marks the document as scripted before the first paint (styles for the folding menu and panels).
document.documentElement.classList.add("js");
