// Package arena finds the models ranked on LMArena's public leaderboard,
// through the Hugging Face datasets-server rows API
// (https://huggingface.co/docs/dataset-viewer/rows) over the dataset
// lmarena-ai/leaderboard-dataset: model_name, organization, rating,
// vote_count and leaderboard_publish_date of each row.
//
// It is one of discover's candidate sources (third floor of the data flow,
// docs/layout.md): it implements discover.Source and reads only through
// discover.Client.
package arena
