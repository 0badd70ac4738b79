// The attachments of a registration as a table: name (a download link), type, size, upload
// time. Read-only by default (detail and check-your-answers pages); the attachments section of
// the form passes `removeHref` to add a "Gỡ" link per row (the confirmation is a page of its own).
import type { ReactNode } from "react";
import { formatDateTime } from "~/i18n/format";
import type { Translate } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { kindOf } from "~/utils/file-kinds";
import { Link } from "~/components/link";

export type AttachmentFile = { id: number; fileName: string; mediaType: string; size: number; uploadedAt: string };

const oneDecimal = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 });

/** 2048 → "2 KB", 1572864 → "1,5 MB" (vi-VN numbers; never "0 KB" for a non-empty file). */
export function formatSize(t: Translate, bytes: number): string {
  if (bytes >= 1024 * 1024) return t("attachments.size.mb", { n: oneDecimal.format(bytes / (1024 * 1024)) });
  return t("attachments.size.kb", { n: oneDecimal.format(Math.max(bytes / 1024, 0.1)) });
}

export function typeLabel(t: Translate, mediaType: string): string {
  const kind = kindOf(mediaType);
  return kind ? t(`attachments.type.${kind}`) : mediaType;
}

export function downloadHref(initiativeId: number, fileId: number): string {
  return `/sang-kien/${initiativeId}/tep/${fileId}`;
}

export function AttachmentList({
  initiativeId,
  files,
  removeHref,
  caption,
}: {
  initiativeId: number;
  files: AttachmentFile[];
  /** Where the "Gỡ" link of a file goes; without it the list is read-only. */
  removeHref?: (fileId: number) => string;
  caption?: ReactNode;
}) {
  const t = useT();
  if (!files.length) return <p>{t("attachments.list.empty")}</p>;
  return (
    <div className="table-wrap">
      <table className="attachment-table">
        <caption>{caption ?? t("attachments.list.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("attachments.list.name")}</th>
            <th scope="col">{t("attachments.list.type")}</th>
            <th scope="col">{t("attachments.list.size")}</th>
            <th scope="col">{t("attachments.list.uploadedAt")}</th>
            {removeHref ? <th scope="col">{t("attachments.list.actions")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {files.map((f) => (
            <tr key={f.id}>
              <th scope="row" className="attachment-table__name" data-label={t("attachments.list.name")}>
                {/* A plain link (no client routing): the answer is a download, not a page. */}
                <a href={downloadHref(initiativeId, f.id)} download={f.fileName}>
                  {f.fileName}
                  <span className="visually-hidden"> ({t("attachments.list.download")})</span>
                </a>
              </th>
              <td data-label={t("attachments.list.type")}>{typeLabel(t, f.mediaType)}</td>
              <td data-label={t("attachments.list.size")}>{formatSize(t, f.size)}</td>
              <td data-label={t("attachments.list.uploadedAt")}>{formatDateTime(f.uploadedAt)}</td>
              {removeHref ? (
                <td data-label={t("attachments.list.actions")}>
                  <Link to={removeHref(f.id)}>
                    {t("attachments.list.remove")}
                    <span className="visually-hidden"> {f.fileName}</span>
                  </Link>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
