// A thumbs-up/down outline drawn in SVG, so the feedback buttons never depend on emoji fonts.
export function ThumbIcon({ direction }: { direction: "up" | "down" }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinejoin="round"
      aria-hidden="true"
      style={direction === "down" ? { transform: "rotate(180deg)" } : undefined}
    >
      <path d="M7 10v11H3V10h4zm0 0 4-8a3 3 0 0 1 3 3v4h5.2a2 2 0 0 1 1.9 2.3l-1.3 8A2 2 0 0 1 17.8 21H7" />
    </svg>
  );
}
