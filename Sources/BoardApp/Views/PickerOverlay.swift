import TermUI

/// A picker drawn as a box in the middle of the pane.
struct PickerOverlay {
  let picker: Picker

  func draw(into grid: inout Grid, layout: Layout) {
    let longest = picker.options.map { TextWidth.of($0.label) }.max() ?? 10
    let width = min(layout.size.width - 4, max(TextWidth.of(picker.title) + 6, longest + 10, 30))
    let height = min(layout.body.height, picker.options.count + 2)
    let box = Rect(
      x: (layout.size.width - width) / 2, y: layout.body.y + max(0, (layout.body.height - height) / 2), width: width,
      height: height)
    grid.drawBox(box, title: picker.title, style: Style(.accent))

    let visible = box.height - 2
    // Keep the selection in view without storing a scroll offset: the window is derived.
    let top = min(max(0, picker.selection - visible / 2), max(0, picker.options.count - visible))
    for (offset, option) in picker.options.dropFirst(top).prefix(visible).enumerated() {
      let index = top + offset
      let row = Rect(x: box.x + 1, y: box.y + 1 + offset, width: box.width - 2, height: 1)
      if option.value == .heading {
        grid.put(" " + option.label, in: row, style: Style(.dim, bold: true))
        continue
      }
      let selected = index == picker.selection
      let checkable = picker.multipleChoice || (picker.purpose == .filter && option.value != .facet(.clearAll))
      let mark = checkable ? (option.checked ? "[x] " : "[ ] ") : ""
      let text = (selected ? "› " : "  ") + mark + option.label
      grid.put(text, in: row, style: selected ? Style(.selection, bold: true) : .normal)
    }
  }
}
