import Markdown from "react-markdown"

/**
 * Help content as staff write it in the CMS: Markdown (paragraphs, **bold**, lists, links), with
 * any HTML left out, so an FAQ can't inject markup into the portal.
 */
export function RichText({ text }: { text: string }) {
  return (
    <div className="rich-text">
      <Markdown skipHtml>{text}</Markdown>
    </div>
  )
}
