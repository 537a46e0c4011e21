import TermUI

/// Where each part of the screen goes at a given size. The reducer uses it to keep the selection
/// in view, the views to draw; both get the same answer.
struct Layout {
  /// Below this the board shows a "terminal too small" note instead of a pane.
  static let minimum = Size(40, 10)

  let size: Size

  var fits: Bool { size.width >= Layout.minimum.width && size.height >= Layout.minimum.height }

  var titleBar: Rect { Rect(x: 0, y: 0, width: size.width, height: 1) }
  /// Between the title bar and the two footer lines.
  var body: Rect { Rect(x: 0, y: 1, width: size.width, height: size.height - 3) }
  var statusLine: Rect { Rect(x: 0, y: size.height - 2, width: size.width, height: 1) }
  var hintLine: Rect { Rect(x: 0, y: size.height - 1, width: size.width, height: 1) }

  /// The backlog's column headings, then its rows.
  var backlogHeader: Rect { body.row(0) }
  var backlogList: Rect { body.splitTop(1).1 }

  /// The detail's text area.
  var detailBody: Rect { body }

  /// The help overlay's box, centred, with a margin.
  var helpBox: Rect {
    let width = min(size.width - 4, 76)
    let height = size.height - 2
    return Rect(x: (size.width - width) / 2, y: 1, width: width, height: height)
  }
  /// The help text inside the box's border and title.
  var helpText: Rect { Rect(x: helpBox.x + 2, y: helpBox.y + 1, width: helpBox.width - 4, height: helpBox.height - 2) }
}
