import CNcurses
import TermUI

/// Turns what `wget_wch` returned into a `Key`.
enum KeyDecoder {
  /// A character code (`wget_wch` returned OK).
  static func character(_ code: UInt32) -> Key? {
    switch code {
    case 27: return .escape
    case 10, 13: return .enter
    case 9: return .tab
    case 8, 127: return .backspace
    case 1...26: return .control(Character(UnicodeScalar(UInt8(code) + 96)))
    case 0..<32: return nil
    default:
      guard let scalar = UnicodeScalar(code) else { return nil }
      return .character(Character(scalar))
    }
  }

  /// A function key code (`wget_wch` returned KEY_CODE_YES); KEY_RESIZE is handled by the caller.
  static func functionKey(_ code: Int32) -> Key? {
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_NPAGE: return .pageDown
    case KEY_PPAGE: return .pageUp
    case KEY_HOME, KEY_A1: return .home
    case KEY_END, KEY_C1: return .end
    case KEY_BACKSPACE: return .backspace
    case KEY_DC: return .delete
    case KEY_ENTER: return .enter
    case KEY_BTAB: return .backTab
    case (KEY_F0 + 1)...(KEY_F0 + 24): return .function(Int(code - KEY_F0))
    default: return nil
    }
  }
}
