// Package hf finds models on the Hugging Face Hub, through its public API
// (GET /api/models, https://huggingface.co/docs/hub/api): the newest
// repositories of each watched developer, with their safetensors parameter
// count, config, card data, tags, creation date and downloads. Pages follow
// the Link: <…>; rel="next" header.
//
// It is one of discover's candidate sources (third floor of the data flow,
// docs/layout.md): it implements discover.Source and reads only through
// discover.Client.
package hf
