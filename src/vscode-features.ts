// Feature detection for VS Code APIs newer than what the core needs (engines.vscode): the extension
// uses them where the host has them and keeps working without (web hosts, forks, older builds that
// leave a namespace out or ship it without the function we call). No `vscode` import: the namespace
// is passed in, so the rules are unit-tested on their own.

/** `api.lm` when it can select chat models (the Language Model API), else undefined. */
export function languageModelApi<T extends { selectChatModels?: unknown }>(api: { lm?: T }): T | undefined {
  return typeof api.lm?.selectChatModels === 'function' ? api.lm : undefined;
}

/** `api.chat` when it can create chat participants (the Chat API), else undefined. */
export function chatParticipantApi<T extends { createChatParticipant?: unknown }>(api: { chat?: T }): T | undefined {
  return typeof api.chat?.createChatParticipant === 'function' ? api.chat : undefined;
}
