import TermUI

/// Where each part of the screen goes at a given size. The reducer uses it to keep the selection
/// in view, the views to draw; both get the same answer.
struct Layout {
  /// Below this the board shows a "terminal too small" note instead of a pane.
  static let minimum = Size(40, 10)

  let size: Size
  /// Whether a story's detail is open (beside the list, on a wide terminal).
  var detailOpen = false

  init(size: Size, detailOpen: Bool = false) {
    self.size = size
    self.detailOpen = detailOpen
  }

  /// The layout of the screen the state shows. A story opened from the backlog shows beside
  /// it; one opened from the sprint board takes the screen (the board needs its width).
  init(_ state: AppState) {
    self.init(size: state.size, detailOpen: state.pane == .detail && state.detailReturn == .backlog)
  }

  var fits: Bool { size.width >= Layout.minimum.width && size.height >= Layout.minimum.height }

  var titleBar: Rect { Rect(x: 0, y: 0, width: size.width, height: 1) }
  /// Between the title bar and the two footer lines.
  var body: Rect { Rect(x: 0, y: 1, width: size.width, height: size.height - 3) }
  var statusLine: Rect { Rect(x: 0, y: size.height - 2, width: size.width, height: 1) }
  var hintLine: Rect { Rect(x: 0, y: size.height - 1, width: size.width, height: 1) }

  /// From this width an open story shows beside the list rather than over it.
  static let sideBySideWidth = 160

  var showsDetailBeside: Bool { detailOpen && size.width >= Layout.sideBySideWidth }

  /// The list's part of the body: all of it, or the left half beside an open story.
  var listArea: Rect {
    showsDetailBeside ? Rect(x: 0, y: body.y, width: body.width / 2, height: body.height) : body
  }

  /// The backlog's column headings, then its rows.
  var backlogHeader: Rect { listArea.row(0) }
  var backlogList: Rect { listArea.splitTop(1).1 }

  /// The detail's text area: the whole body, or the right half beside the list (after a rule).
  var detailBody: Rect {
    guard showsDetailBeside else { return body }
    let x = listArea.maxX + 1
    return Rect(x: x, y: body.y, width: body.width - x, height: body.height)
  }

  /// The help overlay's box, centred, with a margin.
  var helpBox: Rect {
    let width = min(size.width - 4, 76)
    let height = size.height - 2
    return Rect(x: (size.width - width) / 2, y: 1, width: width, height: height)
  }
  /// The help text inside the box's border and title.
  var helpText: Rect { Rect(x: helpBox.x + 2, y: helpBox.y + 1, width: helpBox.width - 4, height: helpBox.height - 2) }
}
