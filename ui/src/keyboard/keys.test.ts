import { afterEach, describe, expect, it } from "vitest";
import { deskKeyOf, isSubmitChord, isTypingTarget, type KeyPress } from "./keys";

function press(key: string, target: EventTarget | null = document.body, mods: Partial<KeyPress> = {}): KeyPress {
  return { key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, target, ...mods };
}

function mount(html: string): HTMLElement {
  const box = document.createElement("div");
  box.innerHTML = html;
  document.body.append(box);
  return box;
}

afterEach(() => {
  document.body.innerHTML = "";
});

describe("deskKeyOf", () => {
  it("maps the desk's keys outside fields", () => {
    expect(deskKeyOf(press("n"), false)).toBe("contact");
    expect(deskKeyOf(press("R", document.body, { shiftKey: false }), false)).toBe("reminder");
    expect(deskKeyOf(press("j"), false)).toBe("next");
    expect(deskKeyOf(press("ArrowUp"), false)).toBe("previous");
    expect(deskKeyOf(press("Enter"), false)).toBe("open");
    expect(deskKeyOf(press("?", document.body, { shiftKey: true }), false)).toBe("help");
    expect(deskKeyOf(press("x"), false)).toBeNull();
  });

  it("ignores plain keys typed in an input, a textarea, a select, an editable or a combobox", () => {
    const box = mount(`
      <input id="text" />
      <textarea id="area"></textarea>
      <select id="pick"><option>1</option></select>
      <div id="edit" contenteditable="true"><span id="inner">x</span></div>
      <div role="combobox" id="combo"><span id="combo-inner">张</span></div>
      <input id="box" type="checkbox" />
      <button id="button">完成</button>`);
    for (const id of ["text", "area", "pick", "inner", "combo-inner"]) {
      const target = box.querySelector(`#${id}`);
      expect(isTypingTarget(target), id).toBe(true);
      for (const key of ["n", "r", "j", "k", "d", "s", "?", "Enter", "ArrowDown"]) {
        expect(deskKeyOf(press(key, target), false), `${key} in #${id}`).toBeNull();
      }
    }
    // A checkbox or a button types nothing: the keys work there.
    expect(deskKeyOf(press("n", box.querySelector("#box")), false)).toBe("contact");
    expect(deskKeyOf(press("d", box.querySelector("#button")), false)).toBe("complete");
  });

  it("still takes Ctrl combinations and Esc in a field, which type nothing", () => {
    const input = mount("<input />").querySelector("input");
    expect(deskKeyOf(press("k", input, { ctrlKey: true }), false)).toBe("palette");
    expect(deskKeyOf(press("r", input, { ctrlKey: true }), false)).toBe("sync");
    expect(deskKeyOf(press("l", input, { ctrlKey: true }), false)).toBe("lock");
    expect(deskKeyOf(press("Escape", input), false)).toBe("back");
    expect(isSubmitChord(press("Enter", input, { ctrlKey: true }), false)).toBe(true);
    expect(isSubmitChord(press("Enter", input), false)).toBe(false);
  });

  it("uses ⌘ on macOS and leaves Ctrl there to the system", () => {
    expect(deskKeyOf(press("k", document.body, { metaKey: true }), true)).toBe("palette");
    expect(deskKeyOf(press("k", document.body, { ctrlKey: true }), true)).toBeNull();
    expect(deskKeyOf(press("k", document.body, { metaKey: true }), false)).toBeNull();
  });

  it("waits while an input method builds a character, and ignores Shift+letter and Alt", () => {
    expect(deskKeyOf(press("n", document.body, { isComposing: true }), false)).toBeNull();
    expect(deskKeyOf(press("N", document.body, { shiftKey: true }), false)).toBeNull();
    expect(deskKeyOf(press("n", document.body, { altKey: true }), false)).toBeNull();
  });
});
