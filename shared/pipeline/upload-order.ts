// The order resubmissions are judged in: by upload time, then by submission id so that ties are
// stable. Never the order events were processed in, so results do not depend on how S3 delivers.

interface Uploaded {
  submissionId: string;
  uploadedAt: string;
}

const uploadOrder = (a: Uploaded, b: Uploaded): number => {
  const dt = Date.parse(a.uploadedAt) - Date.parse(b.uploadedAt);
  if (dt !== 0) return dt;
  return a.submissionId < b.submissionId ? -1 : a.submissionId > b.submissionId ? 1 : 0;
};

export { uploadOrder };
export type { Uploaded };
